import PbRCore
import PbRTestSupport
import Testing

@Suite("Days and windows")
struct DayTests {
    @Test func addingMonthsClampsToTheLastDayOfAShortMonth() {
        #expect(day("2012-08-31").adding(months: 6) == day("2013-02-28"))
        #expect(day("2011-08-31").adding(months: 6) == day("2012-02-29"))
        #expect(day("2013-05-31").adding(months: 9) == day("2014-02-28"))
        #expect(day("2013-01-31").adding(months: 3) == day("2013-04-30"))
    }

    @Test func aLeapDayPlusTwelveMonthsIsTheLastDayOfFebruary() {
        #expect(day("2012-02-29").adding(months: 12) == day("2013-02-28"))
        #expect(day("2012-02-29").adding(months: 48) == day("2016-02-29"))
    }

    @Test func addingMonthsAcrossTheYearEnd() {
        #expect(day("2012-11-14").adding(months: 10) == day("2013-09-14"))
        #expect(day("2013-03-14").adding(months: -6) == day("2012-09-14"))
    }

    @Test func daysThatDoNotExistAreRefused() {
        #expect(Day(iso: "2013-02-30") == nil)
        #expect(Day(iso: "2013-02-29") == nil)
        #expect(Day(iso: "1900-02-29") == nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "2012-02-29") != nil)
        #expect(Day(iso: "2012-13-01") == nil)
        #expect(Day(iso: "2012-1-01") == nil)
        #expect(Day(iso: "12-01-2012") == nil)
    }

    @Test func aDayPrintsAsItWasRead() {
        for text in ["2012-04-01", "2016-02-29", "1999-12-31", "2000-01-01"] {
            #expect(day(text).description == text)
        }
    }

    @Test func daysCountAcrossALeapYear() {
        #expect(day("2012-02-28").days(to: day("2012-03-01")) == 2)
        #expect(day("2013-02-28").days(to: day("2013-03-01")) == 1)
        #expect(day("2012-04-30").adding(days: -365) == day("2011-05-01"))
        #expect(day("1970-01-01").ordinal == 0)
    }

    @Test func aPeriodOfDaysOrMonthsAfterADay() {
        #expect(Period.days(28).after(day("2013-02-11")) == day("2013-03-11"))
        #expect(Period.months(12).after(day("2013-05-31")) == day("2014-05-31"))
    }
}

@Suite("Moments")
struct MomentTests {
    @Test func aMomentWithAnOffsetIsTheSameInstantAsUTC() {
        let bst = Moment(iso: "2013-06-05T09:00:00+01:00")!
        let utc = Moment(iso: "2013-06-05T08:00:00Z")!
        #expect(bst == utc)
        #expect(Moment(iso: "2013-06-05T08:00:01Z")! > bst)
        #expect(Moment(iso: "2013-06-05T09:00:00.250+01:00")! == bst)
    }

    @Test func secondsAreOptionalAndTheZoneMayBeWrittenSeveralWays() {
        let moment = Moment(iso: "2013-06-05T08:00:00Z")!
        for text in ["2013-06-05T09:00+01:00", "2013-06-05T09:00:00+0100", "2013-06-05 09:00:00+01", "2013-06-05T03:00-05:00",
                     "2013-06-05T08:00Z"] {
            #expect(Moment(iso: text) == moment, "\(text)")
        }
        #expect(Moment(iso: "2013-06-05T09:00+1:00") == nil)
        #expect(Moment(iso: "2013-06-05T09:00:00+01:000") == nil)
    }

    @Test func aMomentWithoutAZoneIsRefused() {
        #expect(Moment(iso: "2013-06-05T09:00:00") == nil)
        #expect(Moment(iso: "2013-06-05") == nil)
        #expect(Moment(iso: "2013-02-30T09:00:00Z") == nil)
    }
}

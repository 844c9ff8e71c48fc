/// The version of PbR, printed by `pbr --version` and recorded in every file PbR writes.
public enum PbRVersion {
    public static let current = "0.5.0"
}

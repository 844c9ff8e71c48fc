print("pbr")

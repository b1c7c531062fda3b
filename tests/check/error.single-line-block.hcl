job "web" { type = "batch" priority = 50 }

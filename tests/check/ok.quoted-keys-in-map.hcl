# HCL2 maps may have quoted keys: not HCL1.
job "web" {
  group "app" {
    task "server" {
      driver = "docker"
      env = {
        "APP_MODE"  = "production"
        "log.level" = "debug"
      }
    }
  }
}

# A Nomad 1.8 job in HCL1: quoted keys in env.
job "web" {
  group "app" {
    task "server" {
      driver = "docker"

      env {
        "APP_MODE" = "production"
        "log.level" = "debug"
      }
    }
  }
}

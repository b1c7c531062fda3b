job "web" {
  group "app" {
    task "server" {
      driver = "docker"
      config {
        ports = ["http"]
      }
    }
  }
}

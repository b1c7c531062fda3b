job "web" {
  group "app" {
    task "server" {
      driver = "docker"
      config {
        image   = "nginx:1.27"
        portz   = ["http"]
      }
    }
  }
}

job "web" {
  group "app" {
    network {
      port "http" {}
      port "HTTP" {}
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}

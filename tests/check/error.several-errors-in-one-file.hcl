job "web" {
  group "app" {
    count = "three"
    task "server" {
      driver = "exec"
      colour = "red"
      config {
        command = "/bin/server"
      }
      resources {
        cpu = "lots"
      }
    }
  }
}

job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      resources { cpu = 500, memory = 256 }
    }
  }
}

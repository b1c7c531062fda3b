job "web" {
  group "app" {
    ephemeral_disk {
      size = 100
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      logs {
        max_files     = 10
        max_file_size = 20
      }
    }
  }
}

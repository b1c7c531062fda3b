job "web" {
  group "app" {
    ephemeral_disk {
      size = 5
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      logs {
        max_files     = 1
        max_file_size = 1
      }
    }
  }
}

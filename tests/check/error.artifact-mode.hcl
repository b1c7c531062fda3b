job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      artifact {
        source = "https://example.com/app.tar.gz"
        mode   = "tree"
      }
    }
  }
}

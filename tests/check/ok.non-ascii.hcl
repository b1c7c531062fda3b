job "web" {
  meta {
    owner = "équipe 日本"
  }
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}

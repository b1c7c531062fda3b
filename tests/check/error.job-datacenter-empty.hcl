job "web" {
  datacenters = ["dc1", ""]
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}

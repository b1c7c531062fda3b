job "web" {
  group "app" {
    spread {
      attribute = "${node.datacenter}"
      weight    = 150
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}

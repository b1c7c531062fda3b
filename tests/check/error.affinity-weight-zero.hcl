job "web" {
  group "app" {
    affinity {
      attribute = "${node.datacenter}"
      value     = "dc1"
      weight    = 0
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}

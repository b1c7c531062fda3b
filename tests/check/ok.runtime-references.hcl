job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
        args = [
          "--alloc", "${NOMAD_ALLOC_ID}",
          "--node", "${node.unique.name}",
          "--kernel", "${attr.kernel.name}",
          "--rack", "${meta.rack}",
          "--home", "${env["HOME"]}",
        ]
      }
    }
  }
}

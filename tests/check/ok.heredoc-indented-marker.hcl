job "web" {
  group "app" {
    task "t" {
      driver = "exec"
      config {
        command = "/bin/true"
      }
      template {
        destination = "local/out.txt"
        data        = <<EOT
hello
  EOT
      }
    }
  }
}

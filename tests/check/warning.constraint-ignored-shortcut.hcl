job "web" {
  constraint {
    attribute = "${meta.tags}"
    is_set    = true
  }
  group "app" {
    count = 1
  }
}

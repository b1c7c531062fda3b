job "web" {
  datacenters = ["dc1]
  type = "service"
}

job "web" {
  datacenters = true ? ["dc1"] : "dc2"
}

job "web" {
  name = "web-${NOMAD_REGION"
}

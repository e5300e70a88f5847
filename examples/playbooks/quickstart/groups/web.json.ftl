{
  "ID": "web",
  "Properties": {
    "Allocation": {"Size": ${size}},
    "Instance": {"Plugin": "file", "Properties": {"Note": "web version ${version}"}},
    "Flavor": ${include('../common/flavor.json.ftl')},
    "Updating": {"MaxSurge": 1, "MaxUnavailable": 0}
  }
}

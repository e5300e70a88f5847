ID: worker
Properties:
  Allocation:
    Size: ${size}
  Instance:
    Plugin: file
    Properties:
      Note: worker version ${version}
  Flavor: ${include('../common/flavor.json.ftl')}

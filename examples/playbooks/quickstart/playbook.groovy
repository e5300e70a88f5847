description 'Groups of file instances: one JSON file per instance in $INFRAKIT_HOME/instances/file'

param 'size', Integer, default: 3, min: 0, max: 100, description: 'how many web instances'
param 'version', Integer, default: 1, min: 1, description: 'the app version; a new one rolls the group'
param 'workers', Integer, default: 2, min: 0, max: 100, description: 'how many worker instances'
param 'team', String, default: 'ops', description: 'a tag on every instance'

command('up', description: 'commit the web and worker groups') {
    group 'web', template('groups/web.json.ftl', role: 'web')
    group 'worker', template('groups/worker.yml.ftl', role: 'worker', size: workers)
    echo "web: ${size} instances of version ${version}; worker: ${workers}"
}

command('scale', description: 'resize the web group to --param size') {
    scale 'web', size
}

command('down', description: 'destroy both groups and their instances') {
    destroy 'web'
    destroy 'worker'
}

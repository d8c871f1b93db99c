import json, os, sys
# Prints a compact view of reference records whose id matches any argument (for porting work).
recs = []
for f in ['transformers-default-configs.jsonl', 'hub-configs.jsonl']:
    for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'reference', f)):
        recs.append(json.loads(l))
for r in recs:
    if not any(a == r['id'] or a == r['id'].split('/')[-1] for a in sys.argv[1:]): continue
    e = r['expected']
    print('==', r['id'], e['model_class'], 'params', e['param_count'], 'buf', e['buffer_bytes'], 'total', e['total_size_bytes'])
    print('  largest', e['largest_layer_bytes'], e['largest_layer_names'][:6], len(e['largest_layer_names']))
    print('  no_split', e['no_split_modules'])
    print('  config', json.dumps(r['config'])[:3000] if '-c' in sys.argv else '')
    for k, v in e['buffer_groups'].items(): print('  buf', k, v['count'], v['shape_first'], v['dtype'], v['persistent'], v['bytes_total'])
    t = e['top_modules']
    for c in t['children']: print('  top', c['name'], c.get('class', '(parameter)'), c['bytes'])
    fr = t.get('first_repeated_block')
    if fr:
        print('  block', fr['name'], fr['class'], fr['bytes'], 'x', fr['repeats'])
        for c in fr['children']: print('    ', c['name'], c.get('class', '(parameter)'), c['bytes'])

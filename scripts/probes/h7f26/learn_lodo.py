import sys, pickle, time
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
from broadsheet.stories.learn import learn, describe
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
train = bench.training_sets({k: v for k, v in sets.items() if k in bench.TRAIN_STORIES})
for held in sys.argv[1].split(","):
    t = time.process_time()
    model = learn([s for n, s in train.items() if n != held], bench._objective, window_days=DEFAULT_WINDOW_DAYS)
    pickle.dump(model, open(f"/tmp/h7f26/lodo-{held}.pkl", "wb"))
    print(held, describe(model), f"cpu={time.process_time()-t:.0f}", time.strftime("%H:%M:%S"), flush=True)

import time
from pathlib import Path
from broadsheet.bench import BenchReport
from broadsheet.bench import clustering as bench
from broadsheet.stories.engine import DEFAULT_WINDOW_DAYS
from broadsheet.stories.learn import learn, describe
from broadsheet.stories.score import DEFAULT_MODEL
report = BenchReport(stage="clustering", notes=[])
sets = bench.load_sets(Path("/work/shared/data"), None, report)
train = bench.training_sets({k: v for k, v in sets.items() if k in bench.TRAIN_STORIES})
t = time.process_time()
model = learn(list(train.values()), bench._objective, window_days=DEFAULT_WINDOW_DAYS)
print("learned == DEFAULT_MODEL:", model == DEFAULT_MODEL, describe(model), f"cpu={time.process_time()-t:.0f}", time.strftime("%H:%M:%S"), flush=True)

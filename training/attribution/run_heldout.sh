#!/bin/sh
# Strict held-out check on PolNeAR train: every model (cue boundaries, cue model, content model) fitted on
# one half of train and the other half scored with them, both ways.
#   sh training/attribution/run_heldout.sh DOCBIN CROSSFIT OUTDIR [extra heldout.py options]
set -e
DB=$1; CF=$2; D=$3; shift 3
HERE=$(dirname "$0")
mkdir -p "$D"
for H in even odd; do
  if [ $H = even ]; then O=odd; else O=even; fi
  python "$HERE/learn_boundaries.py" --docbin "$DB" --half $H --out "$D/b_$H.json" > "$D/log_b_$H" 2>&1
  python "$HERE/train_cue_model.py" --docbin "$DB" --tagged "$CF" --half $H --no-cv $CUE_MODEL_ARGS \
      --boundaries "$D/b_$H.json" --out "$D/m_$H.json" > "$D/log_m_$H" 2>&1
  python "$HERE/learn_content_bounds.py" --docbin "$DB" --tagged "$CF" --half $H --model "$D/m_$H.json" \
      --boundaries "$D/b_$H.json" --out "$D/cb_$H.json" > "$D/log_cb_$H" 2>&1
  python "$HERE/heldout.py" --docbin "$DB" --tagged "$CF" --half $O --cue-model "$D/m_$H.json" \
      --boundaries "$D/b_$H.json" --content-bounds "$D/cb_$H.json" "$@"
done

#!/usr/bin/env bash
# Trains Slant's reference models from the shared data and writes them to models/: the
# opinion model (opinion-model.tsv), the bias model (bias-model.tsv), loaded terms learned
# from BABE's word annotations (loaded-learned.tsv) and the target-sentiment model
# (target-model.tsv, used by slant eval --task target-sentiment). Apply them with
# `slant score --lexicons models …` or `slant eval --lexicons models …`.
#
# Training data (the evaluation splits are never read):
#   opinion: CheckThat 2025 English train + dev (not dev_test) and BABE folds 1-4 (not fold 0),
#            labels 'label' and 'label_opinion';
#   BABE opinion (models/babe/opinion-model.tsv): BABE folds 1-4, label 'label_opinion';
#   bias:    BABE folds 1-4, label 'label';
#   loaded:  BABE folds 1-4, biased_word_spans;
#   target:  NewsMTSC train folds 1-4 (fold of the id), target and label (target-model.tsv).
# Deterministic: the same data gives the same files.
#
# Why models/ and not lexicons/: the weights are learned from CheckThat (CC BY-NC-SA 4.0) and
# BABE (AGPL-3.0), whose terms do not allow redistribution in a permissively licensed project,
# so the models stay out of the repository and out of the MIT-licensed binary (models/ is
# ignored by git). The built-in opinion model is the hand-set one in lexicons/scoring.tsv.
#
# Usage: scripts/train-default.sh [DATA]   (DATA defaults to $SLANT_DATA or ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-${SLANT_DATA:-../shared/data}}"
source scripts/setup.sh
swift build -c release --product slant >&2
mkdir -p models
rm -f models/opinion-model.tsv models/bias-model.tsv models/loaded-learned.tsv models/target-model.tsv
# Learned loaded terms first: the opinion and bias models are trained with them in place, so
# their loaded-language features are the ones they will see when applied.
.build/release/slant train --task loaded-words --name loaded-learned --version "${MODEL_VERSION:-1.0.0}" \
  "$data/babe/sg2-dev.jsonl" --fit-folds 1,2,3,4 \
  -o models/loaded-learned.tsv
.build/release/slant train --task subjectivity --name opinion-model --version "${MODEL_VERSION:-1.0.0}" --lexicons models \
  "$data/checkthat-subjectivity-en/train.jsonl" \
  "$data/checkthat-subjectivity-en/dev.jsonl" \
  "$data/babe/sg2-dev.jsonl#label_opinion#1,2,3,4" \
  -o models/opinion-model.tsv
# The BABE opinion model: BABE folds 1-4 alone. Cross-validated on BABE items it beats the
# general model above (macro-F1 0.819 against 0.806, as printed by the two runs), while
# CheckThat cross-validates better with the BABE items added (0.725 and 0.727 on its two
# files) than alone (0.712 pooled); so the general model serves CheckThat and new text, and this one the BABE protocol
# (folds 1-4 -> 0), as the peers are fitted per task.
mkdir -p models/babe
rm -f models/babe/opinion-model.tsv models/babe/loaded-learned.tsv
cp models/loaded-learned.tsv models/babe/loaded-learned.tsv
.build/release/slant train --task subjectivity --name babe-opinion-model --version "${MODEL_VERSION:-1.0.0}" --lexicons models/babe \
  "$data/babe/sg2-dev.jsonl#label_opinion#1,2,3,4" \
  -o models/babe/opinion-model.tsv
.build/release/slant train --task bias --name bias-model --version "${MODEL_VERSION:-1.0.0}" --lexicons models \
  "$data/babe/sg2-dev.jsonl#label#1,2,3,4" \
  -o models/bias-model.tsv
.build/release/slant train --task target-sentiment --name target-model --version "${MODEL_VERSION:-1.0.0}" \
  "$data/newsmtsc/train.jsonl" --fit-folds 1,2,3,4 \
  -o models/target-model.tsv
echo "wrote models/{opinion-model,bias-model,loaded-learned,target-model}.tsv and models/babe/{opinion-model,loaded-learned}.tsv; use them with --lexicons models (or models/babe)" >&2

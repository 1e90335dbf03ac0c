/* Steps calculator for the epochs/steps page, in Japanese and English.
 *
 * computeSteps() is the arithmetic Keras uses (checked against real fit runs
 * by tests/test_calculator.py); the rest builds an accessible form inside every
 * <div class="steps-calculator"> and updates the results as the reader types.
 * No dependencies, nothing loaded from another host. */
(function () {
  "use strict";

  var MESSAGES = {
    en: {
      title: "Steps calculator",
      samples: "Number of samples",
      batch: "Batch size",
      epochs: "Epochs",
      split: "validation_split (0 for none)",
      drop: "Drop the last partial batch (tf.data drop_remainder=True)",
      trainSamples: "Training samples",
      valSamples: "Validation samples",
      stepsPerEpoch: "Steps per epoch",
      lastBatch: "Samples in the last batch",
      totalSteps: "Total steps (weight updates)",
      valSteps: "Validation steps per epoch",
      formulaKeep: "steps per epoch = ceil({n} ÷ {b}) = {s}; the last, smaller batch is kept, as fit does with arrays.",
      formulaDrop: "steps per epoch = floor({n} ÷ {b}) = {s}; the last partial batch is dropped.",
      errEmpty: "Enter a value.",
      errInteger: "Enter a whole number, such as 32.",
      errPositive: "Must be 1 or more.",
      errHuge: "Too large: at most {max}.",
      errSplit: "Enter a number from 0 up to, but not including, 1 (for example 0.2).",
      errTooFew: "Keras cannot split {n} samples with validation_split={v}: one of the two parts would be empty.",
      warnNoBatch: "No complete batch: with the last partial batch dropped, an epoch has no step at all.",
      invalid: "Fix the highlighted field to see the results.",
    },
    ja: {
      title: "ステップ数の計算",
      samples: "サンプル数",
      batch: "バッチサイズ",
      epochs: "エポック数",
      split: "validation_split（使わないときは 0）",
      drop: "最後の半端なバッチを捨てる（tf.data の drop_remainder=True）",
      trainSamples: "訓練に使うサンプル数",
      valSamples: "検証に使うサンプル数",
      stepsPerEpoch: "1 エポックのステップ数",
      lastBatch: "最後のバッチのサンプル数",
      totalSteps: "全体のステップ数（重みの更新回数）",
      valSteps: "1 エポックの検証ステップ数",
      formulaKeep: "1 エポックのステップ数 = ceil({n} ÷ {b}) = {s}。配列を fit に渡したときと同じく、最後の小さなバッチも使います。",
      formulaDrop: "1 エポックのステップ数 = floor({n} ÷ {b}) = {s}。最後の半端なバッチは捨てます。",
      errEmpty: "値を入力してください。",
      errInteger: "32 のような整数を入力してください。",
      errPositive: "1 以上の値を入力してください。",
      errHuge: "大きすぎます。{max} 以下にしてください。",
      errSplit: "0 以上 1 未満の数を入力してください（例：0.2）。",
      errTooFew: "サンプル数 {n} を validation_split={v} で分けると、訓練と検証のどちらかが 0 個になり、Keras はエラーになります。",
      warnNoBatch: "完全なバッチが 1 つもありません。半端なバッチを捨てるので、1 エポックのステップ数は 0 です。",
      invalid: "赤く示した欄を直すと結果が表示されます。",
    },
  };

  var MAX = Number.MAX_SAFE_INTEGER;

  function parseCount(text) {
    var t = String(text).trim();
    if (t === "") return { error: "errEmpty" };
    if (!/^[0-9]+$/.test(t)) {
      return /^-/.test(t) ? { error: "errPositive" } : { error: "errInteger" };
    }
    var n = Number(t);
    if (!Number.isSafeInteger(n)) return { error: "errHuge" };
    if (n < 1) return { error: "errPositive" };
    return { value: n };
  }

  function parseSplit(text) {
    var t = String(text).trim();
    if (t === "") return { value: 0 };
    if (!/^[0-9]*\.?[0-9]+$/.test(t)) return { error: "errSplit" };
    var v = Number(t);
    if (!(v >= 0 && v < 1)) return { error: "errSplit" };
    return { value: v };
  }

  /* The arithmetic of Keras 3's fit for arrays:
   *   training samples = floor(n * (1 - split))   (array_slicing.train_validation_split)
   *   steps per epoch  = ceil(training / batch)    (the last partial batch is kept)
   * With drop=true the training batches are cut like tf.data's
   * batch(batch, drop_remainder=True); validation batches are never dropped. */
  function computeSteps(samples, batchSize, epochs, split, drop) {
    var train = split > 0 ? Math.floor(samples * (1 - split)) : samples;
    var val = samples - train;
    if (split > 0 && (train === 0 || val === 0)) return { error: "errTooFew" };
    var steps = drop ? Math.floor(train / batchSize) : Math.ceil(train / batchSize);
    var last = steps === 0 ? 0 : drop ? batchSize : train - (steps - 1) * batchSize;
    return {
      trainSamples: train,
      valSamples: val,
      stepsPerEpoch: steps,
      lastBatch: last,
      totalSteps: (BigInt(steps) * BigInt(epochs)).toString(),
      valSteps: Math.ceil(val / batchSize),
    };
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return values[key];
    });
  }

  function build(root, lang) {
    var m = MESSAGES[lang] || MESSAGES.en;
    var id = "sc" + Math.random().toString(36).slice(2, 8);
    var fields = [
      ["samples", "numeric", "10000"],
      ["batch", "numeric", "32"],
      ["epochs", "numeric", "10"],
      ["split", "decimal", "0.2"],
    ];
    var html = '<form class="sc-form" novalidate><fieldset><legend>' + m.title + "</legend>";
    fields.forEach(function (f) {
      html +=
        '<div class="sc-field"><label for="' + id + f[0] + '">' + m[f[0]] + "</label>" +
        '<input id="' + id + f[0] + '" name="' + f[0] + '" type="text" inputmode="' + f[1] +
        '" autocomplete="off" spellcheck="false" value="' + f[2] + '" aria-describedby="' + id + f[0] + '-err">' +
        '<span class="sc-error" id="' + id + f[0] + '-err"></span></div>';
    });
    html +=
      '<div class="sc-field sc-check"><input id="' + id + 'drop" name="drop" type="checkbox">' +
      '<label for="' + id + 'drop">' + m.drop + "</label></div></fieldset></form>" +
      '<div class="sc-results" role="status" aria-live="polite"></div>';
    root.innerHTML = html;
    var form = root.querySelector("form");
    var results = root.querySelector(".sc-results");

    function update() {
      var parsed = {
        samples: parseCount(form.samples.value),
        batch: parseCount(form.batch.value),
        epochs: parseCount(form.epochs.value),
        split: parseSplit(form.split.value),
      };
      var ok = true;
      Object.keys(parsed).forEach(function (name) {
        var p = parsed[name];
        var input = form[name];
        var err = root.querySelector("#" + id + name + "-err");
        err.textContent = p.error ? format(m[p.error], { max: MAX.toLocaleString(lang) }) : "";
        input.setAttribute("aria-invalid", p.error ? "true" : "false");
        if (p.error) ok = false;
      });
      if (!ok) {
        results.innerHTML = '<p class="sc-message">' + m.invalid + "</p>";
        return;
      }
      var r = computeSteps(parsed.samples.value, parsed.batch.value, parsed.epochs.value, parsed.split.value, form.drop.checked);
      if (r.error) {
        results.innerHTML = '<p class="sc-message sc-bad">' +
          format(m[r.error], { n: parsed.samples.value.toLocaleString(lang), v: parsed.split.value }) + "</p>";
        return;
      }
      var rows = ["trainSamples", "valSamples", "stepsPerEpoch", "lastBatch", "totalSteps", "valSteps"];
      var out = "<dl>";
      rows.forEach(function (key) {
        var v = key === "totalSteps" ? BigInt(r[key]).toLocaleString(lang) : r[key].toLocaleString(lang);
        out += '<div class="sc-row" data-key="' + key + '"><dt>' + m[key] + "</dt><dd>" + v + "</dd></div>";
      });
      out += "</dl><p class=\"sc-formula\">" +
        format(form.drop.checked ? m.formulaDrop : m.formulaKeep, {
          n: r.trainSamples.toLocaleString(lang),
          b: parsed.batch.value.toLocaleString(lang),
          s: r.stepsPerEpoch.toLocaleString(lang),
        }) + "</p>";
      if (r.stepsPerEpoch === 0) out += '<p class="sc-message sc-bad">' + m.warnNoBatch + "</p>";
      results.innerHTML = out;
    }

    form.addEventListener("input", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    update();
  }

  if (typeof window !== "undefined") {
    // Exposed for the tests, which compare it with real Keras runs.
    window.stepsCalculator = { computeSteps: computeSteps, parseCount: parseCount, parseSplit: parseSplit };
  }
  if (typeof document !== "undefined") {
    var start = function () {
      var lang = (document.documentElement.lang || "en").slice(0, 2);
      document.querySelectorAll(".steps-calculator").forEach(function (root) { build(root, lang); });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})();

using System;
using System.Collections.Generic;
using CanIds.Traffic.Formats;

namespace CanIds.Cli.Demo
{
    /// <summary>What `canids demo` does: where its data comes from, how long it trains, how much it replays.</summary>
    public sealed record DemoPlan
    {
        /// <summary>The defaults: about 6 minutes on two cores (training 3.5 of them), and above the paper on every figure (measured over three runs: 99.986–99.991 % accuracy, every attack F1 ≥ 99.88 %).</summary>
        public static DemoPlan Default { get; } = new();

        /// <summary>Output folder.</summary>
        public string Output { get; init; } = "demo-output";

        /// <summary>The user's logs (empty: generated traffic).</summary>
        public IReadOnlyList<string> Logs { get; init; } = [];

        /// <summary>Share of each user log held out (its end).</summary>
        public double Holdout { get; init; } = 0.3;

        /// <summary>Seconds of generated training traffic (seed 1).</summary>
        public double TrainSeconds { get; init; } = 450;

        /// <summary>Seconds of generated held-out traffic (seed 2).</summary>
        public double TestSeconds { get; init; } = 120;

        /// <summary>Training epochs: 20, two thirds of 30's time for accuracy within 0.01 % of it (docs/model.md, "The demo's training").</summary>
        public int Epochs { get; init; } = 20;

        /// <summary>
        /// Seconds of the held-out log replayed through firmware and RTL: 10 s, 21,531 frames with a gear-spoofing burst
        /// and the first of a fuzzing burst, every frame simulated to the cycle (the tests replay 100,000+ frames).
        /// </summary>
        public double ReplaySeconds { get; init; } = 10;

        /// <summary>Format of the user's logs (null: recognised).</summary>
        public LogFormat? Format { get; init; }

        /// <summary>Class of Car-Hacking rows flagged T (null: from the file name).</summary>
        public string? AttackLabel { get; init; }

        /// <summary>Refuses plans that cannot work.</summary>
        public void Validate()
        {
            if (Logs.Count == 0 && (!(TrainSeconds >= 10) || !(TestSeconds >= 5))) throw new ArgumentException("--train-seconds must be at least 10 and --test-seconds at least 5");
            if (!(Holdout > 0 && Holdout < 1)) throw new ArgumentException($"--holdout {Holdout}: expected a share between 0 and 1");
            if (Epochs < 1) throw new ArgumentException("--epochs must be at least 1");
            if (!(ReplaySeconds > 0)) throw new ArgumentException("--replay-seconds must be positive");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using CanIds.Traffic.Windows;
using TorchSharp;
using static TorchSharp.torch;

namespace CanIds.Training
{
    /// <summary>What training produced: the best network (by validation accuracy) and the history of every epoch.</summary>
    /// <param name="Network">The network at its best epoch.</param>
    /// <param name="History">Figures per epoch.</param>
    /// <param name="BestEpoch">The epoch whose parameters <paramref name="Network"/> holds.</param>
    /// <param name="Classes">Class names.</param>
    /// <param name="Times">Where the wall time went.</param>
    public sealed record TrainingResult(QuantMlp Network, IReadOnlyList<EpochRecord> History, int BestEpoch, IReadOnlyList<string> Classes, TrainingTimes Times)
    {
        /// <summary>The best epoch's figures.</summary>
        public EpochRecord Best => History.First(h => h.Epoch == BestEpoch);
    }

    /// <summary>
    /// Quantisation-aware training of <see cref="QuantMlp"/> with Adam, cosine learning-rate decay, class-weighted
    /// cross-entropy, early stopping on validation accuracy and resumable checkpoints.
    /// </summary>
    public static class Trainer
    {
        /// <summary>
        /// Trains on <paramref name="train"/>; validates on <paramref name="validation"/> or, when null, on a seeded
        /// random <see cref="TrainingOptions.ValidationFraction"/> of the training windows.
        /// </summary>
        public static TrainingResult Train(NetworkShape shape, WindowSet train, WindowSet? validation, TrainingOptions options, Action<TrainingProgress>? progress = null, CancellationToken cancel = default)
        {
            Validate(shape, train, validation, options);
            var times = new TrainingTimes();
            long mark = Stopwatch.GetTimestamp();
            TorchRuntime.EnsureLoaded(options.Threads);
            torch.manual_seed(options.Seed);
            var classes = train.Classes;
            var (trainIdx, validIdx) = Split(train, validation, options);
            using var scope = NewDisposeScope();
            var trainX = tensor(train.Inputs.AsSpan(0, train.Count * train.InputLength).ToArray(), [train.Count, train.InputLength]);
            var trainY = tensor(train.Labels.AsSpan(0, train.Count).ToArray().Select(b => (long)b).ToArray());
            var validSet = validation ?? train;
            var validX = tensor(validSet.Inputs.AsSpan(0, validSet.Count * validSet.InputLength).ToArray(), [validSet.Count, validSet.InputLength]);
            var validY = tensor(validSet.Labels.AsSpan(0, validSet.Count).ToArray().Select(b => (long)b).ToArray());
            var validIndex = tensor(validIdx);

            var network = new QuantMlp(shape, classes.Count);
            var optimizer = optim.Adam(network.parameters(), options.LearningRate);
            var weights = ClassWeights(train.Labels.AsSpan(0, train.Count), trainIdx, classes.Count, options.Balance, options.BenignFraction);
            var benignIdx = trainIdx.Where(i => train.Labels[i] == 0).ToArray();
            var attackIdx = trainIdx.Where(i => train.Labels[i] != 0).ToArray();

            var history = new List<EpochRecord>();
            Dictionary<string, Tensor>? best = null;
            int bestEpoch = 0, start = 1;
            var checkpoint = options.CheckpointDirectory is { } dir ? new Checkpoint(dir, shape, classes) : null;
            if (checkpoint != null && options.Resume && checkpoint.Exists)
            {
                (start, bestEpoch, var saved) = checkpoint.Load(network, optimizer);
                history.AddRange(saved);
                best = checkpoint.LoadBest(shape, classes.Count);
            }

            times.Setup += TrainingTimes.Since(ref mark);
            for (int epoch = start; epoch <= options.Epochs; epoch++)
            {
                cancel.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                // Cosine decay to 5 %, from the epoch number alone, so a resumed run follows the same schedule.
                double rate = options.LearningRate * (0.05 + 0.95 * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1) / options.Epochs)));
                foreach (var group in ((TorchSharp.Modules.OptimizerHelper)optimizer).ParamGroups) group.LearningRate = rate;
                var epochIdx = options.BenignFraction >= 1 ? trainIdx : EpochSample(benignIdx, attackIdx, options, epoch);
                var (loss, accuracy) = RunEpoch(network, optimizer, trainX, trainY, epochIdx, weights, options, epoch, times,
                    (fraction, running) => progress?.Invoke(new TrainingProgress(epoch, options.Epochs, fraction, running, history.LastOrDefault(), bestEpoch)), cancel);
                mark = Stopwatch.GetTimestamp();
                var (vLoss, vErrors) = Evaluate(network, validX, validY, validIndex);
                var record = new EpochRecord(epoch, loss, accuracy, vLoss, 100.0 * (validIdx.Length - vErrors) / validIdx.Length, vErrors, clock.Elapsed.TotalSeconds);
                history.Add(record);

                var bestRecord = history.FirstOrDefault(h => h.Epoch == bestEpoch);
                if (bestRecord == null || record.ValidationErrors < bestRecord.ValidationErrors
                    || (record.ValidationErrors == bestRecord.ValidationErrors && record.ValidationLoss < bestRecord.ValidationLoss))
                {
                    bestEpoch = epoch;
                    best = Snapshot(network);
                    checkpoint?.SaveBest(network);
                }

                checkpoint?.Save(network, optimizer, epoch, bestEpoch, history);
                times.Validation += TrainingTimes.Since(ref mark);
                progress?.Invoke(new TrainingProgress(epoch, options.Epochs, 1, loss, record, bestEpoch));
                if (epoch - bestEpoch >= options.Patience) break;
            }

            mark = Stopwatch.GetTimestamp();
            if (best != null) Restore(network, best);
            RecalibrateNorms(network, trainX, trainIdx, validX, validY, validIndex, history.FirstOrDefault(h => h.Epoch == bestEpoch));
            network.eval();
            scope.MoveToOuter(network.parameters().Cast<Tensor>().Concat(network.buffers()).ToArray());
            times.Recalibration += TrainingTimes.Since(ref mark);
            return new TrainingResult(network, history, bestEpoch, classes, times);
        }

        private static (double Loss, double Accuracy) RunEpoch(QuantMlp network, optim.Optimizer optimizer, Tensor x, Tensor y, long[] indices, Tensor? weights,
            TrainingOptions options, int epoch, TrainingTimes times, Action<double, double> progress, CancellationToken cancel)
        {
            network.train();
            var order = (long[])indices.Clone();
            new Random(StreamSeed(options.Seed, epoch, 0)).Shuffle(order);
            double lossSum = 0;
            long correct = 0, seen = 0;
            int batches = (order.Length + options.BatchSize - 1) / options.BatchSize;
            for (int b = 0; b < batches; b++)
            {
                if ((b & 63) == 0) cancel.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                int from = b * options.BatchSize, n = Math.Min(options.BatchSize, order.Length - from);
                if (n < 2) break; // BatchNorm needs two samples
                long mark = Stopwatch.GetTimestamp();
                var idx = tensor(order.AsSpan(from, n).ToArray());
                var xb = x.index_select(0, idx).to(ScalarType.Float32) * QuantMlp.InputScale;
                var yb = y.index_select(0, idx);
                times.Batches += TrainingTimes.Since(ref mark);
                var logits = network.forward(xb);
                var loss = nn.functional.cross_entropy(logits, yb, weights);
                times.Forward += TrainingTimes.Since(ref mark);
                optimizer.zero_grad();
                loss.backward();
                times.Backward += TrainingTimes.Since(ref mark);
                optimizer.step();
                lossSum += loss.item<float>() * n;
                correct += logits.argmax(1).eq(yb).sum().item<long>();
                seen += n;
                times.Optimiser += TrainingTimes.Since(ref mark);
                if ((b & 15) == 0 || b == batches - 1) progress((double)(b + 1) / batches, lossSum / seen);
            }

            return (lossSum / Math.Max(1, seen), 100.0 * correct / Math.Max(1, seen));
        }

        /// <summary>
        /// Replaces BatchNorm's running statistics (an exponential average over the last few hundred batches, which
        /// still drift late in training) by the exact average over every training window with the final weights,
        /// and keeps them when validation does not get worse.
        /// </summary>
        private static void RecalibrateNorms(QuantMlp network, Tensor x, long[] indices, Tensor validX, Tensor validY, Tensor validIndex, EpochRecord? best)
        {
            if (best == null) return;
            var before = Snapshot(network);
            var norms = Enumerable.Range(0, network.LayerCount - 1).Select(network.Norm).ToArray();
            var momentum = norms.Select(n => n.momentum).ToArray();
            network.train();
            using (no_grad())
            {
                foreach (var norm in norms)
                {
                    norm.reset_running_stats();
                    norm.momentum = null; // cumulative average
                }

                var ordered = (long[])indices.Clone();
                Array.Sort(ordered);
                for (int from = 0; from < ordered.Length; from += 8192)
                {
                    using var scope = NewDisposeScope();
                    var idx = tensor(ordered.AsSpan(from, Math.Min(8192, ordered.Length - from)).ToArray());
                    if (idx.shape[0] < 2) break;
                    network.forward(x.index_select(0, idx).to(ScalarType.Float32) * QuantMlp.InputScale);
                }
            }

            for (int i = 0; i < norms.Length; i++) norms[i].momentum = momentum[i];
            var (_, errors) = Evaluate(network, validX, validY, validIndex);
            if (errors > best.ValidationErrors) Restore(network, before);
        }

        /// <summary>Mean cross-entropy and misclassified count over the windows <paramref name="index"/> selects.</summary>
        private static (double Loss, long Errors) Evaluate(QuantMlp network, Tensor x, Tensor y, Tensor index)
        {
            network.eval();
            double lossSum = 0;
            long errors = 0;
            long count = index.shape[0];
            using (no_grad())
            {
                for (long from = 0; from < count; from += 16384)
                {
                    using var scope = NewDisposeScope();
                    var idx = index.narrow(0, from, Math.Min(16384, count - from));
                    var xb = x.index_select(0, idx).to(ScalarType.Float32) * QuantMlp.InputScale;
                    var yb = y.index_select(0, idx);
                    var logits = network.forward(xb);
                    lossSum += nn.functional.cross_entropy(logits, yb, reduction: nn.Reduction.Sum).item<float>();
                    errors += logits.argmax(1).ne(yb).sum().item<long>();
                }
            }

            return (lossSum / Math.Max(1, count), errors);
        }

        private static (long[] Train, long[] Validation) Split(WindowSet train, WindowSet? validation, TrainingOptions options)
        {
            var all = Enumerable.Range(0, train.Count).Select(i => (long)i).ToArray();
            if (validation != null) return (all, Enumerable.Range(0, validation.Count).Select(i => (long)i).ToArray());
            new Random(options.Seed).Shuffle(all);
            int held = Math.Max(1, (int)(train.Count * options.ValidationFraction));
            var valid = all[..held];
            var rest = all[held..];
            Array.Sort(valid);
            return (rest, valid);
        }

        // A seed per (run seed, epoch, stream): HashCode.Combine would differ from process to process, so one --train-seed
        // would not give one network.
        private static int StreamSeed(int seed, int epoch, int stream) => unchecked((seed * 1_000_003 + epoch) * 8_191 + stream);

        private static long[] EpochSample(long[] benign, long[] attacks, TrainingOptions options, int epoch)
        {
            var pool = (long[])benign.Clone();
            var random = new Random(StreamSeed(options.Seed, epoch, 7));
            random.Shuffle(pool);
            int take = (int)Math.Ceiling(pool.Length * options.BenignFraction);
            return attacks.Concat(pool.Take(take)).ToArray();
        }

        private static Tensor? ClassWeights(ReadOnlySpan<byte> labels, long[] indices, int classes, ClassBalance balance, double benignFraction)
        {
            var counts = new double[classes];
            foreach (var i in indices) counts[labels[(int)i]]++;
            var w = counts.Select(c => c == 0 ? 0 : balance switch
            {
                ClassBalance.InverseFrequency => 1 / c,
                ClassBalance.SqrtInverseFrequency => 1 / Math.Sqrt(c),
                _ => 1.0,
            }).ToArray();
            double mean = w.Where((_, i) => counts[i] > 0).Average();
            w = w.Select(v => v / mean).ToArray();
            w[0] /= Math.Min(1, benignFraction);
            if (balance == ClassBalance.None && benignFraction >= 1) return null;
            return tensor(w.Select(v => (float)v).ToArray());
        }

        private static Dictionary<string, Tensor> Snapshot(QuantMlp network)
        {
            using (no_grad())
            {
                return network.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().MoveToOuterDisposeScope());
            }
        }

        private static void Restore(QuantMlp network, Dictionary<string, Tensor> state)
        {
            using (no_grad())
            {
                foreach (var (name, value) in network.state_dict()) value.copy_(state[name]);
            }
        }

        private static void Validate(NetworkShape shape, WindowSet train, WindowSet? validation, TrainingOptions o)
        {
            if (train.WindowFrames != shape.WindowFrames) throw new ArgumentException($"the training windows hold {train.WindowFrames} frames, the network expects {shape.WindowFrames}");
            if (validation != null && (validation.WindowFrames != shape.WindowFrames || !validation.Classes.SequenceEqual(train.Classes)))
                throw new ArgumentException("the validation windows must have the training windows' length and classes");
            if (train.Count < 16) throw new ArgumentException($"{train.Count} training windows are too few");
            if (o.Epochs < 1) throw new ArgumentException($"epochs must be at least 1, not {o.Epochs}");
            if (o.BatchSize < 2) throw new ArgumentException($"batch size must be at least 2, not {o.BatchSize}");
            if (!(o.LearningRate > 0)) throw new ArgumentException($"learning rate must be positive, not {o.LearningRate}");
            if (validation == null && !(o.ValidationFraction is > 0 and < 0.5)) throw new ArgumentException($"validation fraction must be in (0, 0.5), not {o.ValidationFraction}");
            if (o.Patience < 1) throw new ArgumentException($"patience must be at least 1, not {o.Patience}");
            if (!(o.BenignFraction is > 0 and <= 1)) throw new ArgumentException($"benign fraction must be in (0, 1], not {o.BenignFraction}");
        }
    }
}

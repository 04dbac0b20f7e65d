using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace CanIds.Training
{
    /// <summary>
    /// A resumable training checkpoint folder: <c>last.bin</c> (network), <c>optimizer.bin</c> (Adam's state),
    /// <c>best.bin</c> (the best network so far) and <c>state.json</c> (epoch, best epoch, history, shape, classes).
    /// Every file is written to a temporary name first, so an interrupted save leaves the previous checkpoint intact.
    /// </summary>
    internal sealed class Checkpoint(string directory, NetworkShape shape, IReadOnlyList<string> classes)
    {
        private string StatePath => Path.Combine(directory, "state.json");

        public bool Exists => File.Exists(StatePath);

        public void Save(QuantMlp network, optim.Optimizer optimizer, int epoch, int bestEpoch, IReadOnlyList<EpochRecord> history)
        {
            Directory.CreateDirectory(directory);
            Atomic(Path.Combine(directory, "last.bin"), p => network.save(p));
            Atomic(Path.Combine(directory, "optimizer.bin"), p => ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(p));
            var state = new State(epoch, bestEpoch, history.ToList(), shape.Hidden.ToArray(), shape.WeightBits.ToArray(), shape.ActivationBits.ToArray(), shape.WindowFrames, classes.ToArray());
            Atomic(StatePath, p => File.WriteAllText(p, JsonSerializer.Serialize(state)));
        }

        public void SaveBest(QuantMlp network)
        {
            Directory.CreateDirectory(directory);
            Atomic(Path.Combine(directory, "best.bin"), p => network.save(p));
        }

        /// <summary>Loads the last epoch's network and optimizer; returns the next epoch, the best epoch and the history.</summary>
        public (int Next, int BestEpoch, List<EpochRecord> History) Load(QuantMlp network, optim.Optimizer optimizer)
        {
            State state;
            try
            {
                state = JsonSerializer.Deserialize<State>(File.ReadAllText(StatePath)) ?? throw new JsonException("empty");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{StatePath}: not a training checkpoint ({e.Message})");
            }

            if (!state.Hidden.SequenceEqual(shape.Hidden) || !state.WeightBits.SequenceEqual(shape.WeightBits) || !state.ActivationBits.SequenceEqual(shape.ActivationBits)
                || state.WindowFrames != shape.WindowFrames || !state.Classes.SequenceEqual(classes))
                throw new InvalidDataException($"{StatePath}: the checkpoint is of another network or class list; remove it or train without --resume");
            network.load(Path.Combine(directory, "last.bin"));
            ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(Path.Combine(directory, "optimizer.bin"));
            return (state.Epoch + 1, state.BestEpoch, state.History);
        }

        public Dictionary<string, Tensor>? LoadBest(NetworkShape networkShape, int classCount)
        {
            var path = Path.Combine(directory, "best.bin");
            if (!File.Exists(path)) return null;
            using var best = new QuantMlp(networkShape, classCount);
            best.load(path);
            using (no_grad())
            {
                return best.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().MoveToOuterDisposeScope());
            }
        }

        private static void Atomic(string path, Action<string> write)
        {
            var temp = path + ".tmp";
            write(temp);
            File.Move(temp, path, overwrite: true);
        }

        private sealed record State(int Epoch, int BestEpoch, List<EpochRecord> History, int[] Hidden, int[] WeightBits, int[] ActivationBits, int WindowFrames, string[] Classes);
    }
}

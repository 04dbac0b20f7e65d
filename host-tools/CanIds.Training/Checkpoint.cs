using System;
using CanIds.Traffic.Files;
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
        private State? _loaded; // state.json as Load read it: LoadBest checks best.bin against the same

        private string StatePath => Path.Combine(directory, "state.json");

        public bool Exists => File.Exists(StatePath);

        public void Save(QuantMlp network, optim.Optimizer optimizer, int epoch, int bestEpoch, IReadOnlyList<EpochRecord> history)
        {
            Directory.CreateDirectory(directory);
            Atomic(Path.Combine(directory, "last.bin"), p => network.save(p));
            Atomic(Path.Combine(directory, "optimizer.bin"), p => ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(p));
            var sums = Files.Where(f => File.Exists(Path.Combine(directory, f))).ToDictionary(f => f, f => Sha256Of(Path.Combine(directory, f)));
            var state = new State(epoch, bestEpoch, history.ToList(), shape.Hidden.ToArray(), shape.WeightBits.ToArray(), shape.ActivationBits.ToArray(), shape.WindowFrames, classes.ToArray(), sums);
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
                CommandInputs.Add(StatePath);
                state = JsonSerializer.Deserialize<State>(File.ReadAllText(StatePath)) ?? throw new JsonException("empty");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{StatePath}: not a training checkpoint ({e.Message})");
            }

            Verify(state, "last.bin");
            Verify(state, "optimizer.bin");

            if (!state.Hidden.SequenceEqual(shape.Hidden) || !state.WeightBits.SequenceEqual(shape.WeightBits) || !state.ActivationBits.SequenceEqual(shape.ActivationBits)
                || state.WindowFrames != shape.WindowFrames || !state.Classes.SequenceEqual(classes))
                throw new InvalidDataException($"{StatePath}: the checkpoint is of another network or class list; remove it or train without --resume");
            network.load(Path.Combine(directory, "last.bin"));
            ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(Path.Combine(directory, "optimizer.bin"));
            _loaded = state;
            return (state.Epoch + 1, state.BestEpoch, state.History);
        }

        /// <summary>The best network so far, after <see cref="Load"/>; null when none was saved.</summary>
        public Dictionary<string, Tensor>? LoadBest(NetworkShape networkShape, int classCount)
        {
            var path = Path.Combine(directory, "best.bin");
            if (!File.Exists(path)) return null;
            if (_loaded?.Checksums?.ContainsKey("best.bin") == true) Verify(_loaded, "best.bin");

            using var best = new QuantMlp(networkShape, classCount);
            best.load(path);
            using (no_grad())
            {
                return best.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().MoveToOuterDisposeScope());
            }
        }

        private static readonly string[] Files = ["last.bin", "optimizer.bin", "best.bin"];

        private static void Atomic(string path, Action<string> write) => OutputFile.WriteVia(path, write);

        private static string Sha256Of(string path)
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream)).ToLowerInvariant();
        }

        // A damaged, truncated or swapped file is named before libtorch reads it.
        private void Verify(State state, string file)
        {
            var path = Path.Combine(directory, file);
            if (state.Checksums == null || !state.Checksums.TryGetValue(file, out var expected))
                throw new InvalidDataException($"{StatePath}: no checksum for {file} (a checkpoint from an older canids); train without --resume");
            if (!File.Exists(path)) throw new InvalidDataException($"{path}: missing from the checkpoint");
            CommandInputs.Add(path);
            if (Sha256Of(path) != expected) throw new InvalidDataException($"{path}: damaged (its SHA-256 differs from the one {StatePath} records); remove the checkpoint or train without --resume");
        }

        private sealed record State(int Epoch, int BestEpoch, List<EpochRecord> History, int[] Hidden, int[] WeightBits, int[] ActivationBits, int WindowFrames, string[] Classes, Dictionary<string, string>? Checksums);
    }
}

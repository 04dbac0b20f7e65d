using System;
using System.Threading.Tasks;
using CanIds.Model.Integer;
using CanIds.Traffic.Windows;

namespace CanIds.Model.Inference
{
    /// <summary>Classifies many windows with the integer model: the fast path where it applies, on every core.</summary>
    public static class ModelRunner
    {
        /// <summary>
        /// The verdict the device gives every window in <paramref name="inputs"/> (back to back): the network's class,
        /// then the model's identifier rule (<see cref="IntegerModel.Identifiers"/>) on the window's newest frame.
        /// </summary>
        public static byte[] Judge(IntegerModel model, ReadOnlySpan<byte> inputs)
        {
            var classes = Classify(model, inputs);
            if (model.Identifiers is { } known)
            {
                int length = model.InputLength;
                for (int i = 0; i < classes.Length; i++) classes[i] = (byte)known.Judge(classes[i], WindowSet.NewestWord(inputs.Slice(i * length, length)));
            }

            return classes;
        }

        /// <summary>The trained network's class of every window in <paramref name="inputs"/> (back to back): what the FPGA computes.</summary>
        public static byte[] Classify(IntegerModel model, ReadOnlySpan<byte> inputs)
        {
            int length = model.InputLength;
            if (inputs.Length % length != 0) throw new ArgumentException($"{inputs.Length} bytes are not whole {length}-byte windows");
            int count = inputs.Length / length;
            var classes = new byte[count];
            var data = inputs.ToArray();
            bool fast = FastInference.IsSupported(model, out _);
            int chunk = 16_384;
            Parallel.For(0, (count + chunk - 1) / chunk, () => fast ? (object)new FastInference(model) : new ReferenceInference(model), (c, _, engine) =>
            {
                int from = c * chunk, to = Math.Min(count, from + chunk);
                for (int i = from; i < to; i++)
                {
                    var window = data.AsSpan(i * length, length);
                    classes[i] = (byte)(engine is FastInference f ? f.ClassifyOne(window) : ((ReferenceInference)engine).Classify(window));
                }

                return engine;
            }, _ => { });
            return classes;
        }
    }
}

using System.CommandLine;
using System.IO;
using CanIds.Model.Integer;

namespace CanIds.Cli.Cli
{
    /// <summary>Model files as verbs take them: a path, or "built-in" for the model the FPGA bitstream carries.</summary>
    public static class Models
    {
        /// <summary>The name that stands for the built-in model.</summary>
        public const string BuiltIn = "built-in";

        /// <summary>A --model option defaulting to the built-in model.</summary>
        public static Option<string> Option(string description = "Model file (from canids train), or built-in: the model the FPGA bitstream carries.") =>
            new("--model", "-m") { Description = description, DefaultValueFactory = _ => BuiltIn };

        /// <summary>Loads <paramref name="spec"/>: a model file, or the built-in model.</summary>
        public static IntegerModel Load(string spec)
        {
            if (spec != BuiltIn) return ModelFile.Load(spec);
            using var stream = typeof(Models).Assembly.GetManifestResourceStream("cqmlp-carhacking.model.json")!;
            using var reader = new StreamReader(stream);
            return ModelFile.Parse(reader.ReadToEnd(), "built-in model");
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CanIds.Core.Image;
using CanIds.Traffic.Files;

namespace CanIds.Model.Integer
{
    /// <summary>
    /// The model file (<c>*.model.json</c>): the integer model with its metadata, as JSON. Weights are base64 of one
    /// signed byte per weight, neuron-major; thresholds are integer arrays. docs/model.md documents every field.
    /// </summary>
    public static class ModelFile
    {
        /// <summary>The value of the "format" field.</summary>
        public const string FormatName = "canids-model";

        /// <summary>The file format version this build writes and reads.</summary>
        public const int FormatVersion = 1;

        private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

        /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (through a temporary file: an existing model is replaced only by a complete one).</summary>
        public static void Save(IntegerModel model, string path)
        {
            var root = new JsonObject
            {
                ["format"] = FormatName,
                ["formatVersion"] = FormatVersion,
                ["inputFormatVersion"] = model.InputFormatVersion,
                ["windowFrames"] = model.WindowFrames,
                ["classes"] = new JsonArray(model.Classes.Select(c => (JsonNode)c!).ToArray()),
                ["provenance"] = JsonSerializer.SerializeToNode(model.Provenance),
                ["layers"] = new JsonArray(model.Layers.Select(l => (JsonNode)new JsonObject
                {
                    ["inputs"] = l.Inputs,
                    ["outputs"] = l.Outputs,
                    ["weightBits"] = l.WeightBits,
                    ["inputBits"] = l.InputBits,
                    ["activationBits"] = l.ActivationBits,
                    ["weights"] = Convert.ToBase64String((byte[])(Array)l.Weights),
                    ["thresholds"] = new JsonArray(l.Thresholds.Select(t => (JsonNode)t).ToArray()),
                }).ToArray()),
            };
            if (model.Identifiers is { } known)
            {
                root["knownIdentifiers"] = new JsonObject
                {
                    ["foreignClass"] = model.Classes[known.ForeignClass],
                    ["words"] = new JsonArray(known.Words().Select(w => (JsonNode)$"0x{w:X4}").ToArray()),
                };
            }

            OutputFile.WriteAllText(path, root.ToJsonString(Indented));
        }

        /// <summary>Reads a model file.</summary>
        /// <exception cref="ModelFileException">The file is not a valid model file; the message names the field.</exception>
        public static IntegerModel Load(string path)
        {
            CommandInputs.Add(path);
            return Parse(File.ReadAllText(path), path);
        }

        /// <summary>Reads a model from its JSON text; <paramref name="path"/> names it in errors.</summary>
        /// <exception cref="ModelFileException">The text is not a valid model file; the message names the field.</exception>
        public static IntegerModel Parse(string json, string path)
        {
            JsonNode? root;
            try
            {
                root = JsonNode.Parse(json);
            }
            catch (JsonException e)
            {
                throw new ModelFileException(path, $"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}");
            }

            if (root is not JsonObject obj) throw new ModelFileException(path, "(root)", "expected a JSON object");
            var reader = new FieldReader(path);
            if (reader.String(obj, "format") != FormatName) throw new ModelFileException(path, "format", $"expected \"{FormatName}\": this is not a canids model file");
            int version = reader.Int(obj, "formatVersion");
            if (version != FormatVersion) throw new ModelFileException(path, "formatVersion", $"version {version} is not supported (expected {FormatVersion})");

            var classes = reader.Array(obj, "classes").Select((c, i) => reader.StringValue(c, $"classes[{i}]")).ToArray();
            var provenance = reader.Provenance(obj);
            var layers = new List<IntegerLayer>();
            var layerNodes = reader.Array(obj, "layers");
            for (int l = 0; l < layerNodes.Count; l++)
            {
                string at = $"layers[{l}]";
                if (layerNodes[l] is not JsonObject layer) throw new ModelFileException(path, at, "expected an object");
                byte[] raw;
                try
                {
                    raw = Convert.FromBase64String(reader.String(layer, "weights", at));
                }
                catch (FormatException)
                {
                    throw new ModelFileException(path, at + ".weights", "expected base64 text");
                }

                var thresholds = reader.Array(layer, "thresholds", at).Select((t, i) => reader.IntValue(t, $"{at}.thresholds[{i}]")).ToArray();
                try
                {
                    layers.Add(new IntegerLayer(
                        reader.Int(layer, "inputs", at), reader.Int(layer, "outputs", at), reader.Int(layer, "weightBits", at),
                        reader.Int(layer, "inputBits", at), reader.Int(layer, "activationBits", at), (sbyte[])(Array)raw, thresholds));
                }
                catch (ArgumentException e)
                {
                    throw new ModelFileException(path, at, e.Message);
                }
            }

            var identifiers = obj["knownIdentifiers"] is { } node ? reader.Identifiers(node, classes) : null;
            try
            {
                return new IntegerModel(reader.Int(obj, "windowFrames"), classes, layers, provenance, reader.Int(obj, "inputFormatVersion"), identifiers);
            }
            catch (ArgumentException e)
            {
                throw new ModelFileException(path, "(model)", e.Message);
            }
        }

        /// <summary>Typed access to fields, failing with the field's path.</summary>
        private sealed class FieldReader(string path)
        {
            public JsonNode Field(JsonObject obj, string name, string at = "")
            {
                string where = at.Length == 0 ? name : $"{at}.{name}";
                return obj[name] ?? throw new ModelFileException(path, where, "missing");
            }

            public string String(JsonObject obj, string name, string at = "") => StringValue(Field(obj, name, at), at.Length == 0 ? name : $"{at}.{name}");

            public int Int(JsonObject obj, string name, string at = "") => IntValue(Field(obj, name, at), at.Length == 0 ? name : $"{at}.{name}");

            public JsonArray Array(JsonObject obj, string name, string at = "") =>
                Field(obj, name, at) as JsonArray ?? throw new ModelFileException(path, at.Length == 0 ? name : $"{at}.{name}", "expected an array");

            public string StringValue(JsonNode? node, string where) =>
                node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new ModelFileException(path, where, "expected a string");

            public int IntValue(JsonNode? node, string where) =>
                node is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw new ModelFileException(path, where, "expected an integer");

            public KnownIdentifiers Identifiers(JsonNode node, string[] classes)
            {
                const string at = "knownIdentifiers";
                if (node is not JsonObject obj) throw new ModelFileException(path, at, "expected an object");
                var foreign = String(obj, "foreignClass", at);
                int cls = System.Array.IndexOf(classes, foreign);
                if (cls < 1) throw new ModelFileException(path, at + ".foreignClass", $"\"{foreign}\" is not one of the model's attack classes ({string.Join(", ", classes.Skip(1))})");
                var table = new KnownIdentifiers(cls);
                var words = Array(obj, "words", at);
                for (int i = 0; i < words.Count; i++)
                {
                    var text = StringValue(words[i], $"{at}.words[{i}]");
                    if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !int.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out int word) || word > 0xFFFF)
                        throw new ModelFileException(path, $"{at}.words[{i}]", $"\"{text}\" is not an identifier word (0x0000..0xFFFF, docs/input-format.md)");
                    table.Add(word);
                }

                return table;
            }

            public ModelProvenance Provenance(JsonObject obj)
            {
                try
                {
                    return obj["provenance"]?.Deserialize<ModelProvenance>() ?? new ModelProvenance();
                }
                catch (JsonException e)
                {
                    throw new ModelFileException(path, "provenance", e.Message);
                }
            }
        }
    }

    /// <summary>A model file that cannot be read: names the file and the field.</summary>
    public sealed class ModelFileException(string path, string field, string problem)
        : Exception($"{path}: {field}: {problem}")
    {
        /// <summary>The file.</summary>
        public string Path { get; } = path;

        /// <summary>The JSON path of the offending field.</summary>
        public string Field { get; } = field;
    }
}

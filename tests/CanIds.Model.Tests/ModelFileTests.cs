using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Model.Tests
{
    /// <summary>The model file keeps every integer and field, and names the field of a bad one.</summary>
    public class ModelFileTests
    {
        [Fact]
        public void RoundTripsEveryWeightThresholdAndField()
        {
            var model = TestModels.Random(21, weightBits: 3, activationBits: 3).WithProvenance(new ModelProvenance
            {
                Name = "round-trip", Seed = 5, Epochs = 9, Data = "x.csv", Metrics = new System.Collections.Generic.Dictionary<string, double> { ["validation accuracy %"] = 99.5 },
            });
            var path = Path.Combine(TestPaths.NewScratch(), "m.model.json");
            ModelFile.Save(model, path);
            var back = ModelFile.Load(path);
            Assert.Equal(model.Classes, back.Classes);
            Assert.Equal(model.WindowFrames, back.WindowFrames);
            Assert.Equal(model.Provenance.Name, back.Provenance.Name);
            Assert.Equal(99.5, back.Provenance.Metrics["validation accuracy %"]);
            for (int l = 0; l < model.Layers.Count; l++)
            {
                Assert.Equal(model.Layers[l].Weights, back.Layers[l].Weights);
                Assert.Equal(model.Layers[l].Thresholds, back.Layers[l].Thresholds);
                Assert.Equal(model.Layers[l].ActivationBits, back.Layers[l].ActivationBits);
            }
        }

        [Theory]
        [InlineData("format", "\"other\"", "format")]
        [InlineData("formatVersion", "9", "formatVersion")]
        [InlineData("windowFrames", "3", "(model)")]
        [InlineData("classes", "\"Benign\"", "classes")]
        public void NamesTheBadField(string field, string value, string named)
        {
            var path = Path.Combine(TestPaths.NewScratch(), "m.model.json");
            ModelFile.Save(TestModels.Random(2, hidden: [8]), path);
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            json[field] = JsonNode.Parse(value);
            File.WriteAllText(path, json.ToJsonString());
            var e = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
            Assert.Equal(named, e.Field);
            Assert.StartsWith(path, e.Message);
        }

        [Fact]
        public void RejectsAWeightOutsideItsWidthAndDescendingThresholds()
        {
            var path = Path.Combine(TestPaths.NewScratch(), "m.model.json");
            ModelFile.Save(TestModels.Random(2, hidden: [8]), path);
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var layer = json["layers"]![0]!.AsObject();
            var weights = System.Convert.FromBase64String((string)layer["weights"]!);
            weights[3] = 2; // a 2-bit narrow-range weight is −1, 0 or +1
            layer["weights"] = System.Convert.ToBase64String(weights);
            File.WriteAllText(path, json.ToJsonString());
            var e = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
            Assert.Equal("layers[0]", e.Field);
            Assert.Contains("weight [0, 3] = 2", e.Message);

            ModelFile.Save(TestModels.Random(2, hidden: [8]), path);
            json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var thresholds = json["layers"]![0]!["thresholds"]!.AsArray();
            (thresholds[0], thresholds[2]) = (JsonValue.Create(500), JsonValue.Create(-500));
            File.WriteAllText(path, json.ToJsonString());
            Assert.Contains("not ascending", Assert.Throws<ModelFileException>(() => ModelFile.Load(path)).Message);
        }

        [Fact]
        public void ReportsBrokenJsonWithItsLine()
        {
            var path = Path.Combine(TestPaths.NewScratch(), "m.model.json");
            File.WriteAllText(path, "{\n  \"format\": \"canids-model\",\n  oops\n}");
            var e = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
            Assert.Equal("line 3", e.Field);
        }
    }
}

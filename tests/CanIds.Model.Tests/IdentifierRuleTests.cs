using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using CanIds.Core;
using CanIds.Core.Image;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Model.Tests
{
    /// <summary>
    /// The identifier rule beside the network: learnt from the benign frames, applied only to benign network verdicts,
    /// kept by the model file and the weight image, and its bad fields named.
    /// </summary>
    public class IdentifierRuleTests
    {
        private static readonly IntegerModel BuiltIn = ModelFile.Load(Path.Combine(TestPaths.Root, "models", "cqmlp-carhacking.model.json"));

        [Fact]
        public void LearningKnowsEveryBenignIdentifierAndNamesFuzzingForTheOthers()
        {
            var windows = TestModels.Traffic(60, 5);
            var known = IdentifierLearner.Learn(windows)!;
            Assert.Equal("Fuzzing", windows.Classes[known.ForeignClass]);
            int newest = windows.InputLength - InputFormat.BytesPerFrame;
            var benign = Enumerable.Range(0, windows.Count).Where(i => windows.Labels[i] == 0)
                .Select(i => (windows.Input(i)[newest] << 8) | windows.Input(i)[newest + 1]).Distinct().ToArray();
            Assert.Equal(benign.Length, known.Count);
            Assert.All(benign, w => Assert.True(known.Contains(w)));
            Assert.False(known.Contains(0x0000)); // DoS's identifier is not benign traffic's
        }

        [Fact]
        public void OnlyBenignVerdictsOnUnknownIdentifiersChange()
        {
            var model = BuiltIn;
            Assert.NotNull(model.Identifiers);
            var windows = TestModels.Traffic(60, 7);
            var inputs = windows.Inputs.AsSpan(0, windows.Count * windows.InputLength);
            var network = ModelRunner.Classify(model, inputs);
            var judged = ModelRunner.Judge(model, inputs);
            int newest = windows.InputLength - InputFormat.BytesPerFrame, changed = 0;
            for (int i = 0; i < windows.Count; i++)
            {
                var w = windows.Input(i);
                int word = (w[newest] << 8) | w[newest + 1];
                int expected = network[i] == 0 && !model.Identifiers!.Contains(word) ? model.Identifiers.ForeignClass : network[i];
                Assert.Equal(expected, judged[i]);
                if (judged[i] != network[i]) changed++;
            }

            Assert.True(changed > 0, "the traffic's fuzzing frames never met the rule");
            Assert.Equal(model.Classes, model.WithIdentifiers(null).Classes);
            Assert.Equal(network, ModelRunner.Judge(model.WithIdentifiers(null), inputs));
        }

        [Fact]
        public void TheModelFileAndTheWeightImageKeepTheRule()
        {
            var path = Path.Combine(TestPaths.NewScratch(), "m.model.json");
            ModelFile.Save(BuiltIn, path);
            var back = ModelFile.Load(path);
            Assert.Equal(BuiltIn.Identifiers!.Words(), back.Identifiers!.Words());
            Assert.Equal(BuiltIn.Identifiers.ForeignClass, back.Identifiers.ForeignClass);

            var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
            var image = WeightImageWriter.Build(BuiltIn, HardwareConfig.FamilyFor(BuiltIn), key);
            var parsed = WeightImage.Verify(image, image.Length, key);
            Assert.Equal(BuiltIn.Identifiers.Words(), parsed.Identifiers.Words());
            Assert.Equal("Fuzzing", parsed.Classes[parsed.Identifiers.ForeignClass]);
            var none = WeightImageWriter.Build(BuiltIn.WithIdentifiers(null), HardwareConfig.FamilyFor(BuiltIn), key);
            Assert.Null(WeightImage.Verify(none, none.Length, key).Identifiers);
        }

        [Theory]
        [InlineData("foreignClass", "\"Benign\"", "knownIdentifiers.foreignClass")]
        [InlineData("foreignClass", "\"Replay\"", "knownIdentifiers.foreignClass")]
        [InlineData("words", "[\"0x0080\", \"0x10000\"]", "knownIdentifiers.words[1]")]
        [InlineData("words", "[\"80\"]", "knownIdentifiers.words[0]")]
        [InlineData("words", "\"0x0080\"", "knownIdentifiers.words")]
        public void ABadRuleFieldIsNamed(string field, string value, string named)
        {
            var path = Path.Combine(TestPaths.NewScratch(), "m.model.json");
            ModelFile.Save(BuiltIn, path);
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            json["knownIdentifiers"]![field] = JsonNode.Parse(value);
            File.WriteAllText(path, json.ToJsonString());
            var e = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
            Assert.Equal(named, e.Field);
        }
    }
}

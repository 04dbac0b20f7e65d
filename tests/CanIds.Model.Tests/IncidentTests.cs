using System.Collections.Generic;
using System.IO;
using System.Linq;
using CanIds.Model.Evaluation;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using CanIds.Traffic;
using CanIds.Traffic.Windows;
using Xunit;

namespace CanIds.Model.Tests
{
    /// <summary>Verdicts become incidents: per class and identifier, split by the gap, unknown identifiers together, false ones per hour.</summary>
    public class IncidentTests
    {
        private static readonly IntegerModel BuiltIn = ModelFile.Load(Path.Combine(TestPaths.Root, "models", "cqmlp-carhacking.model.json"));
        private static readonly byte[] Payload = { 1, 2, 3, 4, 5, 6, 7, 8 };

        // (seconds, identifier, label, predicted class) per frame
        private static IncidentReport Report(params (double T, uint Id, string Label, byte Predicted)[] frames)
        {
            var records = frames.Select(f => CanRecord.Classic((long)(f.T * 1e6), f.Id, false, Payload, f.Label)).ToList();
            var windows = WindowSet.FromRecords(records, BuiltIn.WindowFrames, BuiltIn.Classes);
            return IncidentReport.Of(BuiltIn, windows, frames.Select(f => f.Predicted).ToArray());
        }

        [Fact]
        public void VerdictsOnOneIdentifierWithinTheGapAreOneIncident()
        {
            const string B = TrafficClasses.Benign, R = TrafficClasses.RpmSpoof;
            var r = Report((0.0, 0x316, B, 0), (0.1, 0x316, R, 4), (0.6, 0x316, R, 4), (1.5, 0x316, R, 4), (2.6, 0x316, R, 4), (2.7, 0x43F, B, 0), (3600.0, 0x43F, B, 0));
            Assert.Equal(2, r.Incidents.Count); // 0.1–1.5 s (gaps ≤ 1 s), then 2.6 s (1.1 s later)
            Assert.Equal(3, r.Incidents[0].Frames);
            Assert.Equal(0x316, r.Incidents[0].Word);
            Assert.Equal("network", r.Incidents[0].Rule);
            Assert.Equal(1_400_000, r.Incidents[0].EndUs - r.Incidents[0].StartUs);
            Assert.Equal(0, r.FalseIncidents);
            Assert.Equal(2, r.Bursts.Count); // the labelled frames split the same way
            Assert.All(r.Bursts, b => Assert.Equal(1, b.FramesUntilIncident));
        }

        [Fact]
        public void FalseIncidentsAreCountedPerHourAndUnknownIdentifiersGroupTogether()
        {
            const string B = TrafficClasses.Benign, F = TrafficClasses.Fuzzing;
            int fuzzing = BuiltIn.Classes.ToList().IndexOf(F);
            Assert.False(BuiltIn.Identifiers!.Contains(0x123) || BuiltIn.Identifiers.Contains(0x5A5));
            var r = Report(
                (0.0, 0x316, B, 0),
                (10.0, 0x316, B, 1),                        // a false DoS verdict on a known identifier
                (20.0, 0x123, F, (byte)fuzzing),            // fuzzing on two unknown identifiers: one incident
                (20.2, 0x5A5, F, (byte)fuzzing),
                (20.3, 0x5A5, F, 0),
                (7200.0, 0x316, B, 0));
            Assert.Equal(2, r.Incidents.Count);
            var fuzz = r.Incidents.Single(i => i.Class == F);
            Assert.Null(fuzz.Word);
            Assert.Equal("unknown-id", fuzz.Rule);
            Assert.Equal(2, fuzz.Identifiers);
            Assert.Equal(1, r.FalseIncidents);
            Assert.Equal(2.0, r.Hours, 6);
            Assert.Equal(0.5, r.FalsePerHour!.Value, 6);
            var burst = Assert.Single(r.Bursts);
            Assert.Equal(3, burst.Frames);
            Assert.Equal(1, burst.FramesUntilIncident);
        }

        [Fact]
        public void ABurstCaughtLateCountsItsFramesAndAMissedOneHasNone()
        {
            const string B = TrafficClasses.Benign, G = TrafficClasses.GearSpoof;
            var r = Report((0.0, 0x43F, G, 0), (0.01, 0x43F, G, 0), (0.02, 0x43F, G, 3), (5.0, 0x43F, G, 0), (5.01, 0x43F, B, 0));
            Assert.Equal(2, r.Bursts.Count);
            Assert.Equal(3, r.Bursts[0].FramesUntilIncident);
            Assert.Null(r.Bursts[1].FramesUntilIncident);
        }

        [Fact]
        public void TheNextLogClosesEveryIncident()
        {
            const string R = TrafficClasses.RpmSpoof;
            var r = Report((100.0, 0x316, R, 4), (100.5, 0x316, R, 4), (0.2, 0x316, R, 4), (0.4, 0x316, R, 4));
            Assert.Equal(2, r.Incidents.Count);
            Assert.Equal(0.5 / 3600 + 0.2 / 3600, r.Hours, 9);
        }
    }
}

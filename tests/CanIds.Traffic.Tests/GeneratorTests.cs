using System;
using System.Collections.Generic;
using System.Linq;
using CanIds.Traffic.Generation;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>The synthetic traffic: reproducible, physically possible, realistic benign traffic, attacks with their published structure.</summary>
    public class GeneratorTests
    {
        private static readonly GeneratorOptions AllAttacks = new() { Seed = 11, DurationSeconds = 150, Attacks = TrafficGenerator.KnownAttacks };
        private static readonly Lazy<List<CanRecord>> Traffic = new(() => TrafficGenerator.Generate(AllAttacks).ToList());
        private static readonly Lazy<List<CanRecord>> Benign = new(() => TrafficGenerator.Generate(new GeneratorOptions { Seed = 3, DurationSeconds = 30, Attacks = [] }).ToList());

        [Fact]
        public void SameSeedSameFramesOtherSeedOtherFrames()
        {
            var options = new GeneratorOptions { Seed = 5, DurationSeconds = 20 };
            var a = TrafficGenerator.Generate(options).ToList();
            var b = TrafficGenerator.Generate(options).ToList();
            var c = TrafficGenerator.Generate(options with { Seed = 6 }).ToList();
            Records.AssertSame(a, b);
            Assert.NotEqual(Fingerprint(a), Fingerprint(c));
        }

        [Fact]
        public void FramesFollowEachOtherNoFasterThanTheBusCarriesThem()
        {
            var frames = Traffic.Value;
            for (int i = 1; i < frames.Count; i++)
            {
                long gap = frames[i].TimestampUs - frames[i - 1].TimestampUs;
                long wire = (long)(CanWire.Bits(frames[i]) * 2.0); // µs at 500 kbit/s
                Assert.True(gap >= wire - 1, $"frame {i}: {gap} µs after the previous one, but it takes {wire} µs on the wire");
            }
        }

        [Fact]
        public void StuffBitsAreCountedForTheWorstCaseAllZeroFrame()
        {
            var zero = CanRecord.Classic(0, 0x000, false, new byte[8]);
            Assert.Equal(128, CanWire.Bits(zero)); // 83 stuffable bits + 16 stuff bits + 29 fixed
            var alternating = CanRecord.Classic(0, 0x555, false, Enumerable.Repeat((byte)0x55, 8).ToArray());
            Assert.Equal(83 + 29, CanWire.Bits(alternating));
        }

        [Fact]
        public void BenignBusHasTheCatalogueIdsAtTheirPeriods()
        {
            var byId = Benign.Value.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Select(r => r.TimestampUs).ToList());
            Assert.Equal(28, byId.Count);
            Assert.All(Benign.Value, r => Assert.Equal(TrafficClasses.Benign, r.Label));
            foreach (var (id, period) in new[] { (0x316u, 10_000), (0x43Fu, 10_000), (0x350u, 20_000), (0x382u, 50_000), (0x690u, 100_000), (0x510u, 1_000_000) })
            {
                var median = Median(Gaps(byId[id]));
                Assert.InRange(median, period * 0.98, period * 1.02);
            }

            double rate = Benign.Value.Count / 30.0;
            Assert.InRange(rate, 1600, 2000);
        }

        [Fact]
        public void BenignPayloadsCarryCountersAndChecksums()
        {
            var frames = Benign.Value.Where(r => r.Id == 0x18F).ToList();
            for (int i = 0; i < frames.Count; i++)
            {
                var d = Payload(frames[i]);
                byte xor = 0;
                for (int k = 0; k < 7; k++) xor ^= d[k];
                Assert.Equal(xor, d[7]);
                if (i > 0) Assert.Equal((Payload(frames[i - 1])[6] + 1) & 0xF, d[6]);
            }

            Assert.True(Benign.Value.Where(r => r.Id == 0x316).Select(r => Payload(r)[2] | (Payload(r)[3] << 8)).Distinct().Count() > 100, "engine speed never varies");
            Assert.Contains(Benign.Value, r => r.Length < 8);
        }

        [Fact]
        public void EachBurstIsOneAttackOfThreeToFiveSecondsAtItsPublishedRate()
        {
            var frames = Traffic.Value;
            var plan = TrafficGenerator.Plan(AllAttacks);
            Assert.Equal(TrafficGenerator.KnownAttacks.OrderBy(a => a), plan.Select(b => b.Attack).Distinct().OrderBy(a => a));
            foreach (var burst in plan.Where(b => b.EndUs < frames[^1].TimestampUs))
            {
                Assert.InRange((burst.EndUs - burst.StartUs) / 1e6, 3.0, 5.0);
                var inBurst = frames.Where(r => r.TimestampUs >= burst.StartUs && r.TimestampUs < burst.EndUs + 2_000).ToList();
                var injected = inBurst.Where(r => r.Label != TrafficClasses.Benign).ToList();
                Assert.All(injected, r => Assert.Equal(burst.Attack, r.Label));
                double seconds = (burst.EndUs - burst.StartUs) / 1e6;
                switch (burst.Attack)
                {
                    case TrafficClasses.DoS:
                        Assert.All(injected, r => { Assert.Equal(0u, r.Id); Assert.All(Payload(r), b => Assert.Equal(0, b)); });
                        Assert.InRange(injected.Count / seconds, 3000, 3400); // one per 0.3 ms
                        break;
                    case TrafficClasses.Fuzzing:
                        Assert.InRange(injected.Count / seconds, 1600, 2010); // tries one per 0.5 ms; random IDs lose some arbitrations
                        Assert.True(injected.Select(r => r.Id).Distinct().Count() > 1000);
                        break;
                    case TrafficClasses.GearSpoof or TrafficClasses.RpmSpoof:
                        Assert.All(injected, r => Assert.Equal(burst.Attack == TrafficClasses.GearSpoof ? 0x43Fu : 0x316u, r.Id));
                        Assert.InRange(injected.Count / seconds, 960, 1010); // one per 1 ms
                        Assert.Single(injected.Select(r => Convert.ToHexString(Payload(r))).Distinct());
                        break;
                    case TrafficClasses.Masquerade:
                    {
                        uint id = injected[0].Id;
                        // The real ECU is silent inside the burst (a frame it queued just before may still go out at the start).
                        Assert.DoesNotContain(inBurst, r => r.Id == id && r.Label == TrafficClasses.Benign && r.TimestampUs > burst.StartUs + 20_000 && r.TimestampUs < burst.EndUs);
                        Assert.InRange(Median(Gaps(injected.Select(r => r.TimestampUs).ToList())), 9_500, 10_500);
                        break;
                    }

                    case TrafficClasses.Replay:
                    {
                        var earlier = frames.Where(r => r.TimestampUs < burst.StartUs && r.Label == TrafficClasses.Benign)
                            .Select(r => (r.Id, Convert.ToHexString(Payload(r)))).ToHashSet();
                        Assert.NotEmpty(injected);
                        Assert.All(injected, r => Assert.Contains((r.Id, Convert.ToHexString(Payload(r))), earlier));
                        break;
                    }
                }
            }
        }

        [Fact]
        public void DosFloodThinsTheBenignTrafficItOutranks()
        {
            var frames = Traffic.Value;
            var dos = TrafficGenerator.Plan(AllAttacks).First(b => b.Attack == TrafficClasses.DoS);
            double benignDuring = frames.Count(r => r.Label == TrafficClasses.Benign && r.TimestampUs >= dos.StartUs && r.TimestampUs < dos.EndUs) / ((dos.EndUs - dos.StartUs) / 1e6);
            Assert.InRange(benignDuring, 100, 1200); // the 0x000 flood takes most of the bus (benign alone: ~1,800/s)
        }

        [Fact]
        public void UnknownAttackIsRefusedWithTheKnownOnesListed()
        {
            var error = Assert.Throws<ArgumentException>(() => TrafficGenerator.Generate(new GeneratorOptions { Attacks = ["Teleport"] }));
            Assert.Contains("unknown attack \"Teleport\"", error.Message);
            Assert.Contains("Masquerade", error.Message);
        }

        private static byte[] Payload(in CanRecord r) => ((ReadOnlySpan<byte>)r.Data).ToArray();

        private static List<long> Gaps(List<long> times) => times.Zip(times.Skip(1), (a, b) => b - a).ToList();

        private static double Median(List<long> values)
        {
            values.Sort();
            return values[values.Count / 2];
        }

        private static int Fingerprint(List<CanRecord> frames)
        {
            var hash = new HashCode();
            foreach (var f in frames)
            {
                hash.Add(f.TimestampUs);
                hash.Add(f.Id);
                hash.AddBytes(Payload(f));
            }

            return hash.ToHashCode();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace CanIds.Traffic.Generation
{
    /// <summary>One attack burst of the plan.</summary>
    public readonly record struct AttackBurst(string Attack, long StartUs, long EndUs);

    /// <summary>
    /// Labelled synthetic CAN traffic: the benign bus of <see cref="EcuCatalog"/> with attack bursts injected in turn,
    /// through an arbitrating bus (<see cref="BusScheduler"/>). Streams frames in time order in constant memory;
    /// seeded and reproducible. docs/traffic.md describes the model.
    /// </summary>
    public static class TrafficGenerator
    {
        /// <summary>Every attack the generator knows.</summary>
        public static IReadOnlyList<string> KnownAttacks { get; } =
            [TrafficClasses.DoS, TrafficClasses.Fuzzing, TrafficClasses.GearSpoof, TrafficClasses.RpmSpoof, TrafficClasses.Replay, TrafficClasses.Masquerade];

        // Forged frames claim states the real ECU never sends: a gear field without the 0x10 "valid" bit and an odd check
        // byte; an engine speed of 15,000 rpm. (A forgery one count away from a legitimate frame is the Masquerade's job.)
        private static readonly byte[] ForgedGear = [0x01, 0x45, 0x60, 0xFF, 0x6B, 0x00, 0x00, 0x00];
        private static readonly byte[] ForgedRpm = [0x05, 0x2F, 0x60, 0xEA, 0x21, 0x21, 0x00, 0x6F];
        private static readonly uint[] ReplayTargets = [EcuCatalog.Rpm, EcuCatalog.Gear, EcuCatalog.WheelSpeeds, EcuCatalog.Steering];

        /// <summary>The frames, in time order.</summary>
        /// <exception cref="ArgumentException">Options out of range or an unknown attack (named in the message).</exception>
        public static IEnumerable<CanRecord> Generate(GeneratorOptions options)
        {
            Validate(options);
            return Stream(options);
        }

        /// <summary>The attack bursts <see cref="Generate"/> injects for <paramref name="options"/>.</summary>
        public static IReadOnlyList<AttackBurst> Plan(GeneratorOptions options)
        {
            Validate(options);
            return PlanBursts(options, new Random(Seeds.Of(options.Seed).Plan));
        }

        private static IEnumerable<CanRecord> Stream(GeneratorOptions options)
        {
            var seeds = Seeds.Of(options.Seed);
            var vehicle = new VehicleModel(seeds.Vehicle, options.StartUs);
            var ecus = EcuCatalog.Create(vehicle, new Random(seeds.Ecus), options.StartUs);
            var bursts = PlanBursts(options, new Random(seeds.Plan));
            var attackRandom = new Random(seeds.Attacks);
            var bus = new BusScheduler(options.BitRate, options.StartUs);
            foreach (var ecu in ecus) bus.Add(ecu);

            long endUs = options.StartUs + (long)(options.DurationSeconds * 1e6);
            var capture = new Queue<CanRecord>(); // recent benign frames of the replay targets
            bool replays = bursts.Any(b => b.Attack == TrafficClasses.Replay);
            int next = 0;
            while (true)
            {
                // Attackers join before the bus reaches their start time (the bus never jumps more than ~1 ms ahead).
                while (next < bursts.Count && bursts[next].StartUs <= bus.BusFreeUs + 2_000)
                {
                    bus.Add(CreateAttacker(bursts[next++], ecus, capture, attackRandom));
                }

                if (!bus.Next(out var record) || record.TimestampUs >= endUs) yield break;
                if (replays && record.Label == TrafficClasses.Benign && Array.IndexOf(ReplayTargets, record.Id) >= 0)
                {
                    capture.Enqueue(record);
                    while (capture.Peek().TimestampUs < record.TimestampUs - 20_000_000) capture.Dequeue();
                }

                yield return record;
            }
        }

        private static FrameSource CreateAttacker(AttackBurst burst, List<EcuMessage> ecus, Queue<CanRecord> capture, Random random)
        {
            switch (burst.Attack)
            {
                case TrafficClasses.DoS: return new DosSource(burst.StartUs, burst.EndUs);
                case TrafficClasses.Fuzzing: return new FuzzSource(burst.StartUs, burst.EndUs, new Random(random.Next()));
                case TrafficClasses.GearSpoof: return new SpoofSource(burst.StartUs, burst.EndUs, EcuCatalog.Gear, ForgedGear, TrafficClasses.GearSpoof);
                case TrafficClasses.RpmSpoof: return new SpoofSource(burst.StartUs, burst.EndUs, EcuCatalog.Rpm, ForgedRpm, TrafficClasses.RpmSpoof);
                case TrafficClasses.Replay:
                {
                    // Re-send what one target ID said in a window as long as the burst, ending 1 s before it.
                    uint id = ReplayTargets[random.Next(ReplayTargets.Length)];
                    long length = burst.EndUs - burst.StartUs;
                    long from = burst.StartUs - 1_000_000 - length;
                    var frames = capture.Where(r => r.Id == id && r.TimestampUs >= from && r.TimestampUs < from + length).ToList();
                    return new ReplaySource(frames, burst.StartUs);
                }

                case TrafficClasses.Masquerade:
                {
                    // Freeze one signal: the wheel speeds at a steady 100 km/h, or the engine at 3,000 rpm.
                    bool wheels = random.Next(2) == 0;
                    var target = ecus.First(e => e.Id == (wheels ? EcuCatalog.WheelSpeeds : EcuCatalog.Rpm));
                    Action<Span<byte>> tamper = wheels
                        ? data => { for (int i = 0; i < 8; i += 2) Signals.Le16(data, i, 10_000); }
                        : data => Signals.Le16(data, 2, 3000 * 4);
                    return new MasqueradeSource(target, burst.StartUs, burst.EndUs, tamper);
                }

                default: throw new ArgumentException($"unknown attack \"{burst.Attack}\"");
            }
        }

        private static List<AttackBurst> PlanBursts(GeneratorOptions options, Random random)
        {
            var bursts = new List<AttackBurst>();
            if (options.Attacks.Count == 0) return bursts;
            long end = options.StartUs + (long)(options.DurationSeconds * 1e6);
            long t = options.StartUs + (long)(options.LeadInSeconds * 1e6);
            var order = new List<string>();
            while (t < end)
            {
                if (order.Count == 0) order = options.Attacks.OrderBy(_ => random.Next()).ToList(); // each attack once per round
                string attack = order[0];
                order.RemoveAt(0);
                long length = (long)((options.BurstMinSeconds + random.NextDouble() * (options.BurstMaxSeconds - options.BurstMinSeconds)) * 1e6);
                bursts.Add(new AttackBurst(attack, t, Math.Min(end, t + length)));
                t += length + (long)((options.GapMinSeconds + random.NextDouble() * (options.GapMaxSeconds - options.GapMinSeconds)) * 1e6);
            }

            return bursts;
        }

        /// <summary>Independent seeds of the generator's parts, all from the one user seed.</summary>
        private readonly record struct Seeds(int Vehicle, int Ecus, int Plan, int Attacks)
        {
            public static Seeds Of(int seed)
            {
                var random = new Random(seed);
                return new Seeds(random.Next(), random.Next(), random.Next(), random.Next());
            }
        }

        private static void Validate(GeneratorOptions o)
        {
            if (!(o.DurationSeconds > 0)) throw new ArgumentException($"duration must be positive, was {o.DurationSeconds}");
            if (o.BitRate is < 10_000 or > 1_000_000) throw new ArgumentException($"bit rate must be 10,000..1,000,000 bit/s, was {o.BitRate}");
            if (!(o.BurstMinSeconds > 0) || o.BurstMaxSeconds < o.BurstMinSeconds) throw new ArgumentException($"bursts must last a positive time with min ≤ max, were {o.BurstMinSeconds}..{o.BurstMaxSeconds} s");
            if (o.GapMinSeconds < 0 || o.GapMaxSeconds < o.GapMinSeconds) throw new ArgumentException($"gaps must be ≥ 0 with min ≤ max, were {o.GapMinSeconds}..{o.GapMaxSeconds} s");
            if (o.LeadInSeconds < 0) throw new ArgumentException($"lead-in must be ≥ 0, was {o.LeadInSeconds}");
            foreach (var attack in o.Attacks)
            {
                if (!KnownAttacks.Contains(attack)) throw new ArgumentException($"unknown attack \"{attack}\"; known: {string.Join(", ", KnownAttacks)}");
            }
        }
    }
}

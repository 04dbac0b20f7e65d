using System;

namespace CanIds.Traffic.Generation
{
    /// <summary>
    /// A seeded drive: target speeds held for 5–30 s (stops included), acceleration limited, gear from speed, engine
    /// speed from gear, steering as a bounded random walk, coolant warming up. The signals ECUs broadcast come from here,
    /// so they vary slowly and stay correlated (wheel speeds with vehicle speed, RPM with gear) as on a real car.
    /// </summary>
    internal sealed class VehicleModel
    {
        private static readonly double[] GearRatio = [0, 110, 62, 42, 32, 26, 22]; // rpm per km/h
        private readonly Random _random;
        private long _timeUs;
        private double _targetKmh;
        private long _nextTargetUs;

        public VehicleModel(int seed, long startUs)
        {
            _random = new Random(seed);
            _timeUs = startUs;
            _nextTargetUs = startUs;
            CoolantC = 20 + _random.NextDouble() * 10;
        }

        public double SpeedKmh { get; private set; }
        public double AccelerationMps2 { get; private set; }
        public int Gear { get; private set; } = 1;
        public double Rpm { get; private set; } = 800;
        public double ThrottlePercent { get; private set; }
        public double BrakeBar { get; private set; }
        public double SteeringDeg { get; private set; }
        public double CoolantC { get; private set; }

        /// <summary>Advances the drive to <paramref name="timeUs"/> in 10 ms steps (never backwards).</summary>
        public void AdvanceTo(long timeUs)
        {
            while (_timeUs + 10_000 <= timeUs)
            {
                _timeUs += 10_000;
                Step(0.01);
            }
        }

        private void Step(double dt)
        {
            if (_timeUs >= _nextTargetUs)
            {
                _targetKmh = _random.NextDouble() < 0.15 ? 0 : 10 + _random.NextDouble() * 110;
                _nextTargetUs = _timeUs + (long)((5 + _random.NextDouble() * 25) * 1_000_000);
            }

            double wanted = Math.Clamp((_targetKmh - SpeedKmh) / 3.6 * 0.4, -3.5, 2.5);
            AccelerationMps2 += (wanted - AccelerationMps2) * Math.Min(1, dt * 2);
            SpeedKmh = Math.Max(0, SpeedKmh + AccelerationMps2 * 3.6 * dt);
            Gear = SpeedKmh < 15 ? 1 : SpeedKmh < 30 ? 2 : SpeedKmh < 50 ? 3 : SpeedKmh < 70 ? 4 : SpeedKmh < 90 ? 5 : 6;
            Rpm = Math.Clamp(750 + SpeedKmh * GearRatio[Gear] * 0.6 + Math.Max(0, AccelerationMps2) * 400 + (_random.NextDouble() - 0.5) * 20, 650, 6500);
            ThrottlePercent = Math.Clamp(AccelerationMps2 > 0 ? 10 + AccelerationMps2 * 30 : 0, 0, 100);
            BrakeBar = AccelerationMps2 < -0.5 ? -AccelerationMps2 * 12 : 0;
            SteeringDeg = Math.Clamp(SteeringDeg * 0.999 + (_random.NextDouble() - 0.5) * (SpeedKmh < 20 ? 6 : 1.5), -450, 450);
            CoolantC = Math.Min(92, CoolantC + dt * 0.05);
        }
    }
}

using System;
using CanIds.Core;
using CanIds.Core.Crypto;
using CanIds.Core.Image;
using CanIds.Core.Link;
using CanIds.Core.Update;
using CanIds.Firmware.Config;
using CanIds.Firmware.Detection;
using CanIds.Firmware.Link;
using CanIds.Firmware.Ports;
using CanIds.Firmware.Reporting;
using CanIds.Firmware.Update;

namespace CanIds.Firmware
{
    /// <summary>
    /// The firmware, wired from its ports: the detection path (receive queue → pipeline → FPGA link → verdicts), the
    /// update service and the image store. The device's Program builds it over the nanoFramework adapters; the HIL
    /// replay and the tests build it over a simulated bus, the Verilated FPGA, a pseudo-terminal and a file store.
    /// </summary>
    public sealed class FirmwareApp : IModelActivator, IInjectionPort, IVerdictSink
    {
        private const string KeyFile = "device.key";
        private const int HousekeepingEvery = 8;   // busy rounds per look at the UART, the alert pin and STATS (a power of 2)
        private readonly IClock _clock;
        private readonly IFileStorage _storage;
        private readonly FirmwareOptions _options;
        private readonly byte[] _image;
        private string _reason = "";
        private uint _activeModelId;
        private long _nextStatsUs;
        private int _busyRounds;
        private readonly ICanBus _bus;
        private readonly InjectionQueue _injection = new InjectionQueue();
        private readonly byte[] _tapped = new byte[UpdateProtocol.InjectedVerdictLength * 256];
        private int _tappedCount;
        private bool _tapping;
        private IVerdictSink _forward;
        private readonly byte[] _nonce = new byte[HilSession.NonceLength];
        private bool _nonceValid;
        private bool _session;
        private long _lastInjectUs;
        private int _challenges;
        private readonly Random _random = new Random();

        /// <summary>Builds the firmware over its ports (nothing runs until <see cref="Boot"/>).</summary>
        public FirmwareApp(ICanBus bus, ISpiPort spi, ISerialPort serial, IAlertPin pin, IClock clock, IFileStorage storage, FirmwareOptions options)
        {
            _clock = clock;
            _storage = storage;
            _options = options;
            object serialGate = new object();
            Report = new ReportWriter(serial, serialGate);
            Faults = new FaultMonitor(Report, clock, options.FaultBurst);
            _bus = bus;
            Frames = new FrameRing(options.RingBits);
            Verdicts = new VerdictHandler(Frames, pin, clock, Report, options.AlertsPerSecond, options.AlertHoldMs);
            Verdicts.SetClasses(options.DefaultClasses);
            Link = new FpgaLink(spi, Verdicts, Frames, options.MaxBatch, options.MaxRecords, options.LoadChunk);
            Pipeline = new DetectionPipeline(bus, Frames, Link, Verdicts, Report, clock, options.FailMode, options.RetryMs);
            Store = new ImageStore(storage, options.ImageCapacity);
            Updates = new UpdateService(serial, serialGate, Store, this, this, Report, clock, Faults);
            _image = new byte[options.ImageCapacity];
        }

        /// <summary>Frames awaiting verdicts.</summary>
        public FrameRing Frames { get; private set; }

        /// <summary>Verdict counters and alerts.</summary>
        public VerdictHandler Verdicts { get; private set; }

        /// <summary>The SPI link to the FPGA.</summary>
        public FpgaLink Link { get; private set; }

        /// <summary>The detection loop.</summary>
        public DetectionPipeline Pipeline { get; private set; }

        /// <summary>Weight images in flash.</summary>
        public ImageStore Store { get; private set; }

        /// <summary>The serial update protocol.</summary>
        public UpdateService Updates { get; private set; }

        /// <summary>Report lines on the serial port.</summary>
        public ReportWriter Report { get; private set; }

        /// <summary>Exceptions the main loop caught, reported and recovered from.</summary>
        public FaultMonitor Faults { get; private set; }

        /// <inheritdoc />
        public string Reason
        {
            get { return _reason; }
        }

        /// <inheritdoc />
        public uint ActiveModelId
        {
            get { return _activeModelId; }
        }

        /// <inheritdoc />
        public uint ConfigId
        {
            get { return Link.Connected ? Link.Status.ConfigId : 0; }
        }

        /// <inheritdoc />
        public bool HasKey
        {
            get { return _storage.Length(KeyFile) >= 16; }
        }

        /// <summary>
        /// Starts up: reports BOOT, connects to the FPGA, and makes the stored active model the FPGA's (after the same
        /// checks as an update) when the FPGA runs another one, e.g. its bitstream's after a power cycle.
        /// </summary>
        public void Boot()
        {
            long ms = _clock.Microseconds / 1000;
            Report.Write("BOOT", ms, "can_bitrate=" + _options.BitRate + " fail=" + (_options.FailMode == FailMode.Closed ? "closed" : "open") + " key=" + (HasKey ? "yes" : "no"));
            try
            {
                if (!Link.Connect())
                {
                    Report.Write("LINK", ms, "down reason=no-response at boot");
                    return;
                }

                _activeModelId = Link.Status.ModelId;
                RestoreStoredModel(ms);
            }
            catch (Exception e)
            {
                // Detection still starts: the main loop sets the link up again.
                Pipeline.Recover(Faults.Record("boot", e));
            }

            Report.Write("MODEL", _clock.Microseconds / 1000, "active id=" + _activeModelId.ToString("x8") + " classes=" + Verdicts.Classes.Length);
        }

        // The stored active image, verified as an update is (CRC-32 by Parse, then the tag), becomes the FPGA's unless it runs that model already.
        private void RestoreStoredModel(long ms)
        {
            int length = Store.ReadActive(_image);
            if (length <= 0) return;
            WeightImage stored = null;
            try
            {
                stored = WeightImage.Parse(_image, length);
            }
            catch (ImageFormatException e)
            {
                Report.Write("MODEL", ms, "stored image unusable: " + e.Message);
            }

            // Verified whatever its model id: flash is not trusted more than the serial line.
            byte[] key = ReadKey();
            if (stored != null && (key == null || !stored.Authenticate(_image, key)))
            {
                Report.Write("MODEL", ms, "stored image rejected: its HMAC-SHA256 tag does not verify with the device key");
                return;
            }

            if (stored != null && stored.ModelId == Link.Status.ModelId)
            {
                Adopt(stored);
            }
            else if (stored != null && Activate(_image, length) != UpdateProtocol.Ok)
            {
                Report.Write("MODEL", ms, "stored model not loaded: " + _reason);
            }
        }

        /// <summary>
        /// One round of the main loop: detection, update requests, the periodic STATS line. Returns true while there is
        /// work (frames came, verdicts are awaited): the loop goes on at once; false when idle (<see cref="Idle"/>).
        /// </summary>
        public bool RunOnce()
        {
            bool busy;
            try
            {
                busy = Pipeline.Service();
            }
            catch (Exception e)
            {
                // Reported, and the link is set up again next round (or, after a burst, detection backs off).
                Pipeline.Recover(Faults.Record("detection", e));
                busy = true;
            }

            // The rest can wait a few rounds while frames stream: the UART's driver buffers its bytes, and the alert pin's
            // hold and the STATS period are milliseconds to seconds.
            if (busy && (++_busyRounds & (HousekeepingEvery - 1)) != 0) return true;
            try
            {
                Updates.Poll();
                long now = _clock.Microseconds;
                Verdicts.Tick(now);
                ExpireSession(now);
                if (now >= _nextStatsUs)
                {
                    _nextStatsUs = now + _options.StatsEveryMs * 1000L;
                    Report.Write("STATS", now / 1000, StatsText());
                }
            }
            catch (Exception e)
            {
                Faults.Record("housekeeping", e);
            }

            return busy;
        }

        /// <summary>The idle loop's sleep: until the CAN driver signals a frame, or <see cref="FirmwareOptions.IdleWaitMs"/>.</summary>
        public void Idle()
        {
            try
            {
                Pipeline.Source.WaitForFrames(_options.IdleWaitMs);
            }
            catch (Exception e)
            {
                Faults.Record("idle", e);
            }
        }

        /// <inheritdoc />
        public int Activate(byte[] image, int length)
        {
            WeightImage parsed;
            try
            {
                parsed = WeightImage.Parse(image, length);
            }
            catch (ImageFormatException e)
            {
                return Fail(UpdateProtocol.VerifyFailed, e.Message);
            }

            byte[] key = ReadKey();
            if (key == null) return Fail(UpdateProtocol.VerifyFailed, "no device key provisioned");
            if (!parsed.Authenticate(image, key)) return Fail(UpdateProtocol.VerifyFailed, "tag: the HMAC-SHA256 tag does not verify with the device key");
            if (!Link.Connected && !Link.Connect()) return Fail(UpdateProtocol.FpgaError, "the FPGA does not answer");
            LinkStatus fpga = Link.Status;
            if (parsed.HardwareConfigId != fpga.ConfigId)
            {
                return Fail(UpdateProtocol.WrongShape, "image for hardware " + parsed.HardwareConfigId.ToString("x8") + ", the FPGA is " + fpga.ConfigId.ToString("x8"));
            }

            if (parsed.WindowFrames * InputFormat.BytesPerFrame != fpga.InputLength || parsed.PayloadLength != fpga.ImageBytes)
            {
                return Fail(UpdateProtocol.WrongShape, "the image's window or payload length does not match the FPGA's");
            }

            if (parsed.Classes.Length > fpga.MaxClasses)
            {
                return Fail(UpdateProtocol.WrongShape, "the model has " + parsed.Classes.Length + " classes, the FPGA at most " + fpga.MaxClasses);
            }

            int ack = Link.LoadModel(image, parsed.HeaderLength, parsed.PayloadLength, parsed.HardwareConfigId, parsed.ModelId, _options.LoadChunk);
            if (ack != LinkProtocol.AckOk) return Fail(UpdateProtocol.FpgaError, "the FPGA refused the load: " + LinkProtocol.AckName(ack) + "; the previous model is still active");
            if (!Link.ReadStatus() || Link.Status.ModelId != parsed.ModelId) return Fail(UpdateProtocol.FpgaError, "the FPGA does not report the new model after the commit");
            Adopt(parsed);
            Report.Write("MODEL", _clock.Microseconds / 1000, "loaded id=" + parsed.ModelId.ToString("x8") + " name=" + parsed.Name);
            return UpdateProtocol.Ok;
        }

        /// <inheritdoc />
        public bool Challenge(byte[] destination, int offset)
        {
            byte[] key = ReadKey();
            if (key == null) return false;
            // Unpredictable without the key, and never repeated within a boot: HMAC over a counter, the clock and randomness.
            byte[] seed = new byte[20];
            BigEndian.PutU32(seed, 0, (uint)++_challenges);
            long now = _clock.Microseconds;
            BigEndian.PutU32(seed, 4, (uint)(now >> 32));
            BigEndian.PutU32(seed, 8, (uint)now);
            BigEndian.PutU32(seed, 12, (uint)_random.Next());
            BigEndian.PutU32(seed, 16, (uint)_random.Next());
            HmacSha256 mac = new HmacSha256(key);
            mac.Update(seed, 0, seed.Length);
            byte[] tag = new byte[HmacSha256.TagLength];
            mac.Final(tag, 0);
            Array.Copy(tag, 0, _nonce, 0, HilSession.NonceLength);
            _nonceValid = true;
            Array.Copy(_nonce, 0, destination, offset, HilSession.NonceLength);
            return true;
        }

        /// <inheritdoc />
        public bool OpenSession(byte[] proof, int offset)
        {
            byte[] key = ReadKey();
            bool valid = _nonceValid && key != null;
            _nonceValid = false;
            if (!valid) return false;
            byte[] expected = new byte[HilSession.ProofLength];
            HilSession.Prove(key, _nonce, 0, expected, 0);
            if (!HmacSha256.TagsEqual(expected, proof, offset)) return false;
            _session = true;
            _lastInjectUs = _clock.Microseconds;
            return true;
        }

        /// <summary>True while a HIL session is open (until <see cref="FirmwareOptions.SessionIdleMs"/> without INJECT).</summary>
        public bool InSession
        {
            get { return _session; }
        }

        /// <inheritdoc />
        public int Inject(byte[] frames, int offset, int count)
        {
            if (!_session) return -1;
            _lastInjectUs = _clock.Microseconds;
            if (!_tapping)
            {
                // A HIL session: from now on the detection path judges the injected frames instead of the bus's.
                _tapping = true;
                _forward = Verdicts.Observer;
                Verdicts.Observer = this;
                Pipeline.Source = _injection;
            }

            return _injection.Add(frames, offset, count);
        }

        // A session left idle ends: the detection path goes back to the bus.
        private void ExpireSession(long now)
        {
            if (!_session || now - _lastInjectUs < _options.SessionIdleMs * 1000L) return;
            _session = false;
            if (_tapping)
            {
                _tapping = false;
                Verdicts.Observer = _forward;
                Pipeline.Source = _bus;
            }

            Report.Write("UPDATE", now / 1000, "hil session ended (idle)");
        }

        /// <inheritdoc />
        public int TakeVerdicts(byte[] destination, int offset, int max)
        {
            lock (_tapped)
            {
                const int size = UpdateProtocol.InjectedVerdictLength;
                int n = _tappedCount < max ? _tappedCount : max;
                Array.Copy(_tapped, 0, destination, offset, size * n);
                Array.Copy(_tapped, size * n, _tapped, 0, size * (_tappedCount - n));
                _tappedCount -= n;
                return n;
            }
        }

        /// <summary>Keeps benign verdicts for the injecting host (IVerdictSink of the injection tap).</summary>
        void IVerdictSink.OnBenign(int firstTag, int count)
        {
            if (_forward != null) _forward.OnBenign(firstTag, count);
            for (int i = 0; i < count; i++) Tap((firstTag + i) & 0xFFFF, 0);
        }

        /// <summary>Keeps attack verdicts for the injecting host.</summary>
        void IVerdictSink.OnAttack(int tag, int cls, int bank)
        {
            if (_forward != null) _forward.OnAttack(tag, cls, bank);
            Tap(tag, cls);
        }

        /// <summary>Lost frames are only forwarded: the injecting host sees their tags missing.</summary>
        void IVerdictSink.OnLost(int firstTag, int count)
        {
            if (_forward != null) _forward.OnLost(firstTag, count);
        }

        private void Tap(int tag, int cls)
        {
            lock (_tapped)
            {
                const int size = UpdateProtocol.InjectedVerdictLength;
                int p = size * _tappedCount;
                if (p + size > _tapped.Length) return; // the host reads them back long before this
                long latency = _clock.Microseconds - Frames.Arrival(tag);
                if (latency > 0xFFFF) latency = 0xFFFF;
                _tapped[p] = (byte)(tag >> 8);
                _tapped[p + 1] = (byte)tag;
                _tapped[p + 2] = (byte)cls;
                _tapped[p + 3] = (byte)(latency >> 8);
                _tapped[p + 4] = (byte)latency;
                _tappedCount++;
            }
        }

        /// <inheritdoc />
        public bool Provision(byte[] key, int offset, int length)
        {
            if (HasKey) return false;
            _storage.Write(KeyFile, 0, key, offset, length);
            return true;
        }

        /// <inheritdoc />
        public string StatusText()
        {
            return StatsText() + "\n" + "model=" + _activeModelId.ToString("x8") + " config=" + ConfigId.ToString("x8") + " staged=" + Store.StagedLength + " previous=" + (Store.HasPrevious ? "yes" : "no");
        }

        private string StatsText()
        {
            VerdictHandler v = Verdicts;
            string text = "frames=" + Pipeline.Frames + " judged=" + v.Judged + " attacks=" + v.Attacks + " unjudged=" + v.Unjudged
                + " can_events=" + _bus.Events + " link=" + (Pipeline.Down ? "down" : "up")
                + " transfers=" + Link.Transfers + " bad_responses=" + Link.BadResponses + " resent=" + Link.Resent
                + " faults=" + Faults.Faults + " report_failures=" + Report.Failures
                + " latency_max_us=" + v.MaxLatencyUs + " latency_mean_us=" + (v.Judged == 0 ? 0 : v.TotalLatencyUs / v.Judged);
            for (int c = 0; c < v.Classes.Length; c++) text += " " + v.Classes[c] + "=" + v.Count(c);
            return text;
        }

        private void Adopt(WeightImage image)
        {
            _activeModelId = image.ModelId;
            Verdicts.SetClasses(image.Classes);
            Verdicts.SetBank(Link.Status.ActiveBank);
            UseIdentifierRule(image.Identifiers);
        }

        /// <summary>Applies <paramref name="known"/> (the active image's identifier rule; null: none) to the frames taken from now on.</summary>
        public void UseIdentifierRule(KnownIdentifiers known)
        {
            Verdicts.SetForeignClass(known == null ? 0 : known.ForeignClass);
            Pipeline.KnownBits = known == null ? null : known.Bits;
        }

        private byte[] ReadKey()
        {
            int n = _storage.Length(KeyFile);
            if (n < 16) return null;
            byte[] key = new byte[n];
            _storage.Read(KeyFile, 0, key, 0, n);
            return key;
        }

        private int Fail(int code, string reason)
        {
            _reason = reason;
            return code;
        }
    }
}

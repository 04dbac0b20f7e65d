namespace CanIds.Training
{
    /// <summary>How the class imbalance of CAN traffic (mostly benign, floods of DoS) is handled.</summary>
    public enum ClassBalance
    {
        /// <summary>Plain cross-entropy.</summary>
        None,
        /// <summary>Cross-entropy weighted by 1/√(class frequency), normalised to mean 1: rare attacks count more without swamping benign traffic.</summary>
        SqrtInverseFrequency,
        /// <summary>Cross-entropy weighted by 1/(class frequency).</summary>
        InverseFrequency,
    }

    /// <summary>Quantisation-aware training settings. Same options, data and seed: the same model.</summary>
    public sealed record TrainingOptions
    {
        /// <summary>Most epochs.</summary>
        public int Epochs { get; init; } = 40;

        /// <summary>Windows per optimiser step.</summary>
        public int BatchSize { get; init; } = 512;

        /// <summary>Adam's learning rate (cosine-annealed to 5 % over the epochs).</summary>
        public double LearningRate { get; init; } = 2e-3;

        /// <summary>Share of the training windows held out for validation when no validation set is given.</summary>
        public double ValidationFraction { get; init; } = 0.1;

        /// <summary>Epochs without a better validation result before stopping.</summary>
        public int Patience { get; init; } = 6;

        /// <summary>Seed of initialisation, split and shuffling.</summary>
        public int Seed { get; init; } = 1;

        /// <summary>Class weighting of the loss.</summary>
        public ClassBalance Balance { get; init; } = ClassBalance.SqrtInverseFrequency;

        /// <summary>
        /// Share of the benign windows each epoch trains on, drawn afresh every epoch (attack windows are always all
        /// used); their loss weight is divided by it, so the expected gradient is that of the full set. Benign traffic
        /// is two thirds of a Car-Hacking capture and very repetitive: 0.4 trains ~40 % faster per epoch.
        /// </summary>
        public double BenignFraction { get; init; } = 1.0;

        /// <summary>
        /// CPU threads for libtorch (0: all cores). One by default: on this network's small matrices a second thread
        /// bought nothing (the demo's 30-epoch training: 288 s with two threads, 288 s with one) for twice the CPU,
        /// threads waiting on each other thrash when another job holds a core, and the float sums, so the trained
        /// model, depend on the thread count: with one thread a seed gives the same model on every machine.
        /// </summary>
        public int Threads { get; init; } = 1;

        /// <summary>Folder for resumable checkpoints (null: none).</summary>
        public string? CheckpointDirectory { get; init; }

        /// <summary>Continue from the checkpoint in <see cref="CheckpointDirectory"/> when there is one.</summary>
        public bool Resume { get; init; }
    }
}

namespace CanIds.Training
{
    /// <summary>The figures of one epoch.</summary>
    /// <param name="Epoch">1-based epoch.</param>
    /// <param name="TrainLoss">Mean training loss.</param>
    /// <param name="TrainAccuracy">Training accuracy of the epoch's batches (%), in training mode.</param>
    /// <param name="ValidationLoss">Validation loss (unweighted cross-entropy).</param>
    /// <param name="ValidationAccuracy">Validation accuracy (%).</param>
    /// <param name="ValidationErrors">Misclassified validation windows.</param>
    /// <param name="Seconds">Wall time of the epoch.</param>
    public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy, long ValidationErrors, double Seconds);

    /// <summary>Where training is: reported after every batch and epoch.</summary>
    /// <param name="Epoch">1-based epoch in progress.</param>
    /// <param name="Epochs">Most epochs.</param>
    /// <param name="Fraction">Share of the epoch done, 0..1.</param>
    /// <param name="RunningLoss">Mean loss of the epoch so far.</param>
    /// <param name="Last">The last finished epoch, if any.</param>
    /// <param name="BestEpoch">The best epoch so far (0: none).</param>
    public sealed record TrainingProgress(int Epoch, int Epochs, double Fraction, double RunningLoss, EpochRecord? Last, int BestEpoch);
}

/**
 * One sentence per training control: the concept and, where it helps, the formula. The Training
 * tab's fields read these; the layer fields' sentences live with their kinds in engine/graph.
 */
export const TRAINING_HELP = {
  epochs:
    'One epoch is one pass over every training row: more epochs let the network fit longer, and past some point start to memorise (overfit).',
  batchSize:
    'Rows per weight update: the gradient is averaged over B rows, so small batches take many noisy steps per epoch and large ones few smooth steps.',
  optimizer:
    'How a gradient becomes a step: SGD moves W ← W − η·∇L, momentum adds a running velocity, RMSprop divides by the recent gradient size, Adam does both per weight.',
  lr: 'The learning rate η scales every step, W ← W − η·∇L: too large and the loss jumps or diverges, too small and training crawls.',
  schedule:
    'How η changes over the epochs: constant keeps it, step halves it every third of the epochs, exponential multiplies it by 0.97 each epoch, cosine lowers it smoothly towards 0.',
  l1: 'L1 λ adds λ·Σ|W| to the loss: every weight costs the same per unit of size, so unhelpful weights are pushed to exactly 0 (sparse weights).',
  l2: 'L2 λ adds λ·ΣW² to the loss: large weights cost more, so the network prefers small ones.',
  seed: 'Seeds everything random in a run (initial weights, batch order, dropout masks, augmentation): the same seed and settings give the same curves.',
  earlyStopping:
    'Stops once the validation loss has not improved for “patience” epochs and puts back the weights of the best epoch, before overfitting sets in.',
  patience:
    'How many epochs in a row without a better validation loss to wait before stopping: small stops early, large tolerates noisy curves.',
  minDelta:
    'A validation loss counts as better only when it falls by more than this amount, so tiny wiggles do not reset the patience.',
  backend:
    'Where the arithmetic runs: auto times a few steps of this model on the CPU and on gpu.js and keeps the faster; CPU or GPU force one.',
  liveLr:
    'Changes the learning rate η of the running training from its next batch on; the schedule continues from the new value.',
  noise:
    'Adds Gaussian noise to every training feature, x + ε with ε ~ N(0, σ²), so the network cannot memorise exact rows.',
  noiseSigma:
    'σ, the noise’s standard deviation in standardized units: 0.1 is a tenth of a feature’s typical spread.',
  mixup:
    'Trains on blends of two rows and their targets, x = λ·xᵢ + (1 − λ)·xⱼ with λ ~ Beta(α, α), which smooths the decision boundary.',
  mixupAlpha:
    'α of the Beta(α, α) that the blend λ is drawn from: small α keeps rows nearly pure, α = 1 blends uniformly.',
  images:
    'Reads each row as a width × height image (pixels in row order), so that flips, shifts, zoom and brightness changes apply.',
  width: 'Image width in pixels; width × height × channels must equal the number of pixel columns.',
  height:
    'Image height in pixels; width × height × channels must equal the number of pixel columns.',
  channels:
    'Values per pixel: 1 for grey-scale, 3 for RGB; width × height × channels is the number of pixel columns.',
  flip: 'Mirrors half of the training images left to right, at random: for pictures whose meaning does not depend on the side.',
  shift: 'Moves each training image by up to this many pixels in each direction, at random.',
  zoom: 'Scales each training image by a random factor between 1 − z and 1 + z.',
  brightness: 'Adds a random offset between −b and +b to every pixel of a training image.',
} as const;

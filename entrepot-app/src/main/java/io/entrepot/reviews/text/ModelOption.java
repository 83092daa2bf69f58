package io.entrepot.reviews.text;

import io.entrepot.shared.command.CommandOptions;

/** The {@code --model DIR} option of the review commands: a trained folder, else the bundled model. */
final class ModelOption {

    private ModelOption() {
    }

    static TextModel load(CommandOptions options) {
        String folder = options.get("model");
        return folder == null ? TextModel.bundled() : TextModel.load(java.nio.file.Path.of(folder));
    }

    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}

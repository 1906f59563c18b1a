package dev.emscreen.features.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How a user's language model (TorchScript or ONNX) reads a chat: laid out by its chat template if it
 * has one, tokenized by its own tokenizer without added special tokens (the template, or the export,
 * puts them), fitted to the token window, then run one text at a time (a causal model needs no padding,
 * and a text's states never depend on its batch mates).
 */
record LanguageModelInput(HuggingFaceTokenizer tokenizer, ChatTemplate template, TokenWindow window) {

    /** @param run token ids in, one hidden state per token out */
    List<TokenStates> encode(List<ChatText> texts, Function<long[], float[][]> run) {
        List<TokenStates> results = new ArrayList<>(texts.size());
        for (ChatText chat : texts) {
            ChatText text = template == null ? chat : template.apply(chat);
            Encoding encoding = tokenizer.encode(text.text(), false, false);
            var spans = encoding.getCharTokenSpans();
            TokenWindow.Tokens tokens = window.fit(encoding.getIds(), text.responseMask(spans), ChatText.offsets(spans));
            results.add(new TokenStates(run.apply(tokens.ids()), tokens.response(), tokens.truncated(), text.response(), tokens.spans()));
        }
        return results;
    }
}

package dev.emscreen.features.sae;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a feature set's SAE came from, as the bundle's manifest records it: trained by the build,
 * or a pretrained SAE read from a Gemma Scope or SAELens release. Unknown parts are null.
 *
 * @param format     "gemma-scope" or "saelens"
 * @param file       the file it was read from, from its release's folder on (or its last few path parts): not the
 *                   machine's own path, which would make the same set's version differ from machine to machine
 * @param release    the release it belongs to (e.g. gemma-scope-2b-pt-res), from --sae-release or the path
 * @param model      the language model it reads (SAELens's model_name)
 * @param hookPoint  the hidden state it reads (e.g. blocks.12.hook_resid_post, or layer_12 for Gemma Scope)
 * @param layer      the block whose output it reads (-1: the embeddings, for an SAE on block 0's resid_pre)
 * @param width      features (d_sae)
 * @param activation how it activates: jumprelu, topk, or relu (served as JumpReLU with threshold 0)
 * @param note       any reparametrisation made on import, so the bundle's arrays are explained
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SaeSource(String format, String file, String release, String model, String hookPoint, Integer layer,
                        int width, String activation, String note) {

    /**
     * Which of a model's hidden states the SAE reads, numbered as an export that returns every one does
     * (0: the embeddings, L + 1: after block L); null if the source does not say.
     */
    public Integer hiddenState() {
        return layer == null ? null : layer + 1;
    }
}
